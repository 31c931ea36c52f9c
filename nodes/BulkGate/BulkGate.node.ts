import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operationSubtitle } from '../shared/subtitle';
import { accountDescription } from './resources/account';
import { messageDescription, sendPromotional, sendTransactional } from './resources/message';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Message', value: 'message' },
		],
		default: 'message',
	},
	...messageDescription,
	...accountDescription,
];

export class BulkGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BulkGate',
		name: 'bulkGate',
		icon: { light: 'file:bulkGate.svg', dark: 'file:bulkGate.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Send transactional and promotional SMS and Viber messages and check the credit with BulkGate',
		defaults: { name: 'BulkGate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bulkGateApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		properties,
	};

	customOperations = { message: { sendTransactional, sendPromotional } };
}
