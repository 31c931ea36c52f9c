import type { INodeProperties } from 'n8n-workflow';
import { ENDPOINTS, unwrapData } from '../../transport';
import { creditBalance } from './creditBalance';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Credit Balance',
				value: 'getCreditBalance',
				action: 'Get the credit balance',
				description: 'Get the credit left in the BulkGate wallet and the free messages',
				routing: {
					// Error bodies come with 200 or 4xx alike; unwrapData reads both with BulkGate's message.
					request: { method: 'POST', url: ENDPOINTS.info, ignoreHttpStatusErrors: true },
					output: { postReceive: [unwrapData, creditBalance] },
				},
			},
		],
		default: 'getCreditBalance',
	},
];
