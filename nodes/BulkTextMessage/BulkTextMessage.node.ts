import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operationSubtitle } from '../shared/subtitle';
import { searchContactGroups, searchContacts, searchMessages } from './listSearch';
import { contactDescription } from './resources/contact';
import { contactGroupDescription } from './resources/contactGroup';
import { send, sendMany, sendToMany, smsDescription } from './resources/sms';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Contact Group', value: 'contactGroup' },
			{ name: 'SMS', value: 'sms' },
		],
		default: 'sms',
	},
	...smsDescription,
	...contactDescription,
	...contactGroupDescription,
];

export class BulkTextMessage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BulkTextMessage',
		name: 'bulkTextMessage',
		icon: { light: 'file:bulkTextMessage.svg', dark: 'file:bulkTextMessage.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Send bulk SMS and look up messages and contacts with BulkTextMessage',
		defaults: { name: 'BulkTextMessage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bulkTextMessageApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		properties,
	};

	methods = { listSearch: { searchContactGroups, searchContacts, searchMessages } };

	customOperations = { sms: { send, sendToMany, sendMany } };
}
