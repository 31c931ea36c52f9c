import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { isObject } from '../../../shared/json';
import { toGatewayDigits } from '../../../shared/phone';
import { callBulkGate, lookUpInBatches } from '../../call';
import { countryOption } from '../message/messageFields';
import { readCountry } from '../message/messageInput';
import { ENDPOINTS, PROVIDER } from '../../transport';

const show = { resource: ['phoneNumber'], operation: ['check'] };

const DEFAULT_BATCH_SIZE = 100;

export const phoneNumberCheckDescription: INodeProperties[] = [
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+420 777 123 456',
		description:
			'The number to check, one per input item: international (with + or 00), or national when Country is set. The items are checked together, Batch Size numbers per request.',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			countryOption,
		],
	},
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
		],
	},
];

interface NumberToCheck {
	digits: string;
	country: string | null;
}

/** One output item per input item: valid or not, the number as BulkGate normalised it, its network. */
export async function phoneNumberCheck(this: IExecuteFunctions) {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	return await lookUpInBatches<NumberToCheck>(this, {
		notDone: 'It was not checked.',
		batchSize: Math.max(1, Number(options.batchSize ?? DEFAULT_BATCH_SIZE)),
		read: (itemIndex) => {
			const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
			const country = readCountry(fields.country) ?? null;
			const digits = toGatewayDigits(itemParameter.call(this, 'number', itemIndex), 'Number', country !== null);
			return { digits, country };
		},
		// BulkGate answers by the number as sent, so a national number is only unique within its country.
		groupOf: ({ country }) => country ?? '',
		call: async (batch) => {
			const numbers = [...new Set(batch.map(({ digits }) => digits))].map((digits) => ({
				phone_number: digits,
				country: batch[0].country,
			}));
			return await callBulkGate.call(this, ENDPOINTS.numberCheck, { numbers });
		},
		answerFor: ({ digits }, data) => {
			const entry = isObject(data) ? data[digits] : undefined;
			if (!isObject(entry) || typeof entry.valid !== 'boolean') {
				throw new Error(`BulkGate's answer says nothing about ${digits}; check the number.`);
			}
			const normalised = typeof entry.phone_number === 'string' || typeof entry.phone_number === 'number';
			return {
				provider: PROVIDER,
				number: entry.valid && normalised ? `+${String(entry.phone_number).replace(/^\+/, '')}` : null,
				valid: entry.valid,
				country: typeof entry.country === 'string' ? entry.country.toUpperCase() : null,
				callingCode: entry.call_prefix === null || entry.call_prefix === undefined ? null : `+${String(entry.call_prefix)}`,
				networkCode: entry.network_code === null || entry.network_code === undefined ? null : String(entry.network_code),
				networkName: typeof entry.network_name === 'string' ? entry.network_name : null,
				raw: entry,
			};
		},
	});
}
