import type { INodeProperties } from 'n8n-workflow';
import { getDeliveryStatusDescription } from './getDeliveryStatus';
import { sendPromotionalDescription } from './sendPromotional';
import { sendTransactionalDescription } from './sendTransactional';

export { getDeliveryStatus } from './getDeliveryStatus';
export { sendPromotional } from './sendPromotional';
export { sendTransactional } from './sendTransactional';

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Delivery Status',
				value: 'getDeliveryStatus',
				action: 'Get the delivery status of a message',
				description: 'Look up a sent message by the messageId a send returned: delivered, failed, buffered…',
			},
			{
				name: 'Send Promotional (Batched)',
				value: 'sendPromotional',
				action: 'Send promotional messages in batches',
				description:
					'Send marketing messages to many recipients, each input item with its own text, merged into few requests',
			},
			{
				name: 'Send Transactional (One Request per Item)',
				value: 'sendTransactional',
				action: 'Send one transactional message per item in its own request',
				description: 'Send one notification per input item, such as an order update or a code, each in its own request',
			},
		],
		default: 'sendTransactional',
	},
	...sendTransactionalDescription,
	...sendPromotionalDescription,
	...getDeliveryStatusDescription,
];
