import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { isObject } from '../../../shared/json';
import { callBulkGate, lookUpInBatches } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { blacklistNumberField, filledFields, readBlacklistNumber, walletOption } from './fields';

const show = { resource: ['blacklist'], operation: ['check'] };

/** BulkGate allows 20 checks a minute, so many numbers go in each. */
const DEFAULT_BATCH_SIZE = 100;

export const blacklistCheckDescription: INodeProperties[] = [
	blacklistNumberField(
		{ show },
		'The number to check, one per input item. The items are checked together, Batch Size numbers per request.',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: DEFAULT_BATCH_SIZE,
				description: 'How many numbers go into one request',
			},
			{
				displayName: 'Route',
				name: 'route',
				type: 'options',
				options: [
					{ name: 'Promotional', value: 'promotional' },
					{ name: 'Transactional', value: 'transactional' },
				],
				default: 'promotional',
				description: 'Which messages the blacklist entry should block',
			},
			walletOption,
		],
	},
];

/** One output item per input item: blacklisted or not, by number, in the input's order. */
export async function blacklistCheck(this: IExecuteFunctions) {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const route = typeof options.route === 'string' ? options.route : 'promotional';
	const extra = filledFields(options, { wallet: 'wallet' });
	return await lookUpInBatches(this, {
		notDone: 'It was not checked.',
		batchSize: Math.max(1, Number(options.batchSize ?? DEFAULT_BATCH_SIZE)),
		read: (itemIndex) => readBlacklistNumber.call(this, itemIndex),
		// A number repeated in a batch is asked once; BulkGate answers by number.
		call: async (numbers) =>
			await callBulkGate.call(this, ENDPOINTS.blacklistCheck, { numbers: [...new Set(numbers)], route, ...extra }),
		answerFor: (number, data) => {
			const listed = isObject(data) ? data[number] : undefined;
			if (typeof listed !== 'boolean') throw new Error(`BulkGate's answer says nothing about ${number}; check the number.`);
			return {
				provider: PROVIDER,
				number: `+${number}`,
				blacklisted: listed,
				route,
				wallet: (extra.wallet as string | undefined) ?? null,
				raw: { number, blacklisted: listed },
			};
		},
	});
}
