import type { INodeProperties } from 'n8n-workflow';
import { paginateByPage } from '../../transport';
import { contactGroupGetManyDescription } from './getMany';

export const contactGroupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactGroup'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contact groups',
				description: 'List contact groups',
				routing: {
					request: { method: 'GET', url: '/contact_group/' },
					send: { paginate: true },
					operations: { pagination: paginateByPage },
				},
			},
		],
		default: 'getAll',
	},
	...contactGroupGetManyDescription,
];
