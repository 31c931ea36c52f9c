import type { INodeProperties } from 'n8n-workflow';
import { defaultCountryCodeOption } from '../defaultCountryCodeOption';

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
				displayName: 'Contact Group Name or ID',
				name: 'contactGroupId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getContactGroups' },
				default: '',
				description:
					'Group to add the contact to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'body', property: 'contact_group_id', value: '={{ Number($value) }}' } },
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
