import type { INodeProperties } from 'n8n-workflow';
import { contactAddDescription } from './add';
import { contactGetDescription } from './get';
import { contactImportDescription } from './import';
import { contactRemoveDescription } from './remove';

export { contactAdd } from './add';
export { contactGet } from './get';
export { contactImport } from './import';
export { contactRemove } from './remove';

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a contact to the address book',
				description: 'Add the contact of each input item, optionally to groups, one request each',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Read the address-book contact with the number of each input item',
			},
			{
				name: 'Import',
				value: 'import',
				action: 'Import contacts into the address book',
				description: 'Add the contacts of all input items, many per request, optionally to groups',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a contact',
				description: 'Remove the contact with the number of each input item from the address book',
			},
		],
		default: 'add',
	},
	...contactAddDescription,
	...contactGetDescription,
	...contactImportDescription,
	...contactRemoveDescription,
];
