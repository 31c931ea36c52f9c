import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { blacklistNumberField, filledFields, readBlacklistNumber, walletOption } from './fields';

const show = { resource: ['blacklist'], operation: ['add'] };

export const blacklistAddDescription: INodeProperties[] = [
	blacklistNumberField({ show }, 'The number to blacklist, one per input item, e.g. {{ $json.from }} from the BulkGate Trigger.'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				placeholder: 'Replied STOP',
				description: 'Why the number is blacklisted, shown in the BulkGate Portal',
			},
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				placeholder: 'n8n-opt-out',
				description:
					'Your label for this group of blacklisted numbers, to filter them in the BulkGate Portal',
			},
			walletOption,
		],
	},
];

export async function blacklistAdd(this: IExecuteFunctions) {
	return await perItem(
		this,
		'Nothing was blacklisted for this item.',
		(itemIndex) => {
			const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
			const number = readBlacklistNumber.call(this, itemIndex);
			return { number, extra: filledFields(fields, { wallet: 'wallet', sourceId: 'source_id', reason: 'reason' }) };
		},
		async ({ number, extra }, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.blacklistAdd, { numbers: [number], ...extra });
			// Adding a number twice (a second STOP) leaves it blacklisted: that is the wanted state.
			const alreadyListed = !answer.ok && answer.type === 'number_already_exists';
			if (!answer.ok && !alreadyListed) throw callError.call(this, itemIndex, answer.message);
			return {
				provider: PROVIDER,
				number: `+${number}`,
				blacklisted: true,
				alreadyListed,
				wallet: (extra.wallet as string | undefined) ?? null,
				raw: answer.ok ? (answer.data as IDataObject) : { type: 'number_already_exists' },
			};
		},
	);
}
