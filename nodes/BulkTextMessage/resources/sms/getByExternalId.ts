import type { INodeProperties } from 'n8n-workflow';

export const smsGetByExternalIdDescription: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '',
		description: 'The whole number you gave the SMS as External ID when sending it',
		displayOptions: { show: { resource: ['sms'], operation: ['getByExternalId'] } },
	},
];
