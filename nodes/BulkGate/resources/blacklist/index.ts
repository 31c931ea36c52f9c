import type { INodeProperties } from 'n8n-workflow';
import { blacklistAddDescription } from './add';
import { blacklistCheckDescription } from './check';
import { blacklistRemoveDescription } from './remove';

export { blacklistAdd } from './add';
export { blacklistCheck } from './check';
export { blacklistRemove } from './remove';

export const blacklistDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blacklist'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a number to the blacklist',
				description: 'Blacklist the number of each input item (an opt-out): promotional messages to it are refused',
			},
			{
				name: 'Check',
				value: 'check',
				action: 'Check whether numbers are blacklisted',
				description: 'Check the number of each input item, many numbers per request',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a number from the blacklist',
				description: 'Take the number of each input item off the blacklist',
			},
		],
		default: 'add',
	},
	...blacklistAddDescription,
	...blacklistCheckDescription,
	...blacklistRemoveDescription,
];
