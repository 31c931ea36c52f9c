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
				name: 'Send Promotional',
				value: 'sendPromotional',
				action: 'Send a promotional message',
				description:
					'Send marketing messages to many recipients, each input item with its own text, merged into few requests',
			},
			{
				name: 'Send Transactional',
				value: 'sendTransactional',
				action: 'Send a transactional message',
				description: 'Send one notification per input item, such as an order update or a code',
			},
		],
		default: 'sendTransactional',
	},
	...sendTransactionalDescription,
	...sendPromotionalDescription,
	...getDeliveryStatusDescription,
];
