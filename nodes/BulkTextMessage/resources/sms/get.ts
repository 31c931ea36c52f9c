import type { INodeProperties } from 'n8n-workflow';

export const smsGetDescription: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the SMS, as returned by the send operations',
		displayOptions: { show: { resource: ['sms'], operation: ['get'] } },
	},
];
