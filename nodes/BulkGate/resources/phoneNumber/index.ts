import type { INodeProperties } from 'n8n-workflow';
import { phoneNumberCheckDescription } from './check';

export { phoneNumberCheck } from './check';

export const phoneNumberDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				action: 'Check phone numbers',
				description:
					'Check the number of each input item before a campaign: valid or not, normalised, with its network; many numbers per request',
			},
		],
		default: 'check',
	},
	...phoneNumberCheckDescription,
];
