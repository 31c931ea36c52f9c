import type { INodeProperties } from 'n8n-workflow';
import { wholeNumberIdValidation } from '../wholeNumberId';

export const smsGetDescription: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'messageId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The SMS to get: pick a recent one, or give the ID the send operations returned',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an SMS...',
				typeOptions: { searchListMethod: 'searchMessages', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 113',
				validation: [wholeNumberIdValidation],
			},
		],
		displayOptions: { show: { resource: ['sms'], operation: ['get'] } },
		// Routing reads the locator's value, and a plain ID saved by older versions of the node alike.
		routing: { request: { url: '=/sms/{{encodeURIComponent(String($value).trim())}}' } },
	},
];
