import type { INodeProperties } from 'n8n-workflow';
import {
	checkContactGroup,
	normalizeContactPhone,
	paginateByPage,
	readStatusInAnswer,
	requireId,
	unwrapData,
} from '../../transport';
import { contactCreateDescription } from './create';
import { contactGetDescription } from './get';
import { contactGetManyDescription } from './getMany';

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact, optionally in a contact group',
				routing: {
					request: { method: 'POST', url: '/contact/' },
					send: { preSend: [normalizeContactPhone, checkContactGroup, readStatusInAnswer] },
					output: { postReceive: [unwrapData] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get one contact by its ID',
				routing: {
					request: { method: 'GET' },
					send: { preSend: [requireId('contactId', 'Contact'), readStatusInAnswer] },
					output: { postReceive: [unwrapData] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts',
				routing: {
					request: { method: 'GET', url: '/contact/' },
					send: { paginate: true },
					operations: { pagination: paginateByPage },
				},
			},
		],
		default: 'create',
	},
	...contactCreateDescription,
	...contactGetDescription,
	...contactGetManyDescription,
];
