import type { INodeProperties } from 'n8n-workflow';
import { wholeNumberIdValidation } from '../wholeNumberId';

export const contactGetDescription: INodeProperties[] = [
	{
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The contact to get',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a contact...',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12001',
				validation: [wholeNumberIdValidation],
			},
		],
		displayOptions: { show: { resource: ['contact'], operation: ['get'] } },
		// Routing reads the locator's value, and a plain ID saved by older versions of the node alike.
		routing: { request: { url: '=/contact/{{encodeURIComponent(String($value).trim())}}' } },
	},
];
