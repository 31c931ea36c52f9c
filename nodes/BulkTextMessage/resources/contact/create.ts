import type { INodeProperties } from 'n8n-workflow';
import { defaultCountryCodeOption } from '../defaultCountryCodeOption';
import { wholeNumberIdValidation } from '../wholeNumberId';

const show = { show: { resource: ['contact'], operation: ['create'] } };

export const contactCreateDescription: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'first_name' } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'last_name' } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+44 7700 900123',
		description: 'Number the contact receives messages on, in international format',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'main_phone' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Contact Group',
				name: 'contactGroupId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description: 'Group to add the contact to',
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						placeholder: 'Select a contact group...',
						typeOptions: { searchListMethod: 'searchContactGroups', searchable: true },
					},
					{
						displayName: 'By ID',
						name: 'id',
						type: 'string',
						placeholder: 'e.g. 5',
						validation: [wholeNumberIdValidation],
					},
				],
				routing: { send: { type: 'body', property: 'contact_group_id' } },
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your own reference for the contact, such as a customer number',
				routing: { send: { type: 'body', property: 'reference' } },
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [defaultCountryCodeOption],
	},
];
