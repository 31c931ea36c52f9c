import type { INodeProperties } from 'n8n-workflow';
import { paginateByPage, readStatusInAnswer, requireId, unwrapData } from '../../transport';
import { smsGetDescription } from './get';
import { smsGetByExternalIdDescription } from './getByExternalId';
import { smsGetManyDescription } from './getMany';
import { smsSendDescription } from './send';
import { smsSendManyDescription } from './sendMany';
import { smsSendToManyDescription } from './sendToMany';

export { send } from './send';
export { sendMany } from './sendMany';
export { sendToMany } from './sendToMany';

const showOnlyForSms = { resource: ['sms'] };

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForSms },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an SMS',
				description: 'Get one SMS by its ID',
				routing: {
					request: { method: 'GET' },
					send: { preSend: [requireId('messageId', 'Message'), readStatusInAnswer] },
					output: { postReceive: [unwrapData] },
				},
			},
			{
				name: 'Get by External ID',
				value: 'getByExternalId',
				action: 'Get an SMS by external ID',
				description: 'Get one SMS by the external ID you sent it with',
				routing: {
					request: {
						method: 'GET',
						url: '=/sms/by_external/{{encodeURIComponent($parameter.externalId)}}',
					},
					send: { preSend: [readStatusInAnswer] },
					output: { postReceive: [unwrapData] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many SMS',
				description: 'List sent and incoming SMS, newest first',
				routing: {
					request: { method: 'GET', url: '/sms/' },
					send: { paginate: true },
					operations: { pagination: paginateByPage },
				},
			},
			{
				name: 'Send (One Request per Item)',
				value: 'send',
				action: 'Send one SMS per item in its own request',
				description: 'Send one SMS per input item, each in its own request',
			},
			{
				name: 'Send Same Text to Many (Batched)',
				value: 'sendToMany',
				action: 'Send the same SMS to many recipients in batches',
				description: 'Send one text to the recipient of every input item, merged into few requests',
			},
			{
				name: 'Send Text per Recipient (Batched)',
				value: 'sendMany',
				action: 'Send each recipient their own SMS in batches',
				description: 'Send each input item its own text, merged into few requests',
			},
		],
		default: 'send',
	},
	...smsSendDescription,
	...smsSendToManyDescription,
	...smsSendManyDescription,
	...smsGetDescription,
	...smsGetByExternalIdDescription,
	...smsGetManyDescription,
];
