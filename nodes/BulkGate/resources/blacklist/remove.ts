import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { blacklistNumberField, filledFields, readBlacklistNumber, walletOption } from './fields';

const show = { resource: ['blacklist'], operation: ['remove'] };

export const blacklistRemoveDescription: INodeProperties[] = [
	blacklistNumberField({ show }, 'The number to take off the blacklist, one per input item.'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [walletOption],
	},
];

export async function blacklistRemove(this: IExecuteFunctions) {
	return await perItem(
		this,
		'Nothing was removed for this item.',
		(itemIndex) => {
			const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
			return { number: readBlacklistNumber.call(this, itemIndex), extra: filledFields(fields, { wallet: 'wallet' }) };
		},
		async ({ number, extra }, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.blacklistRemove, { number, ...extra });
			if (!answer.ok) throw callError.call(this, itemIndex, answer.message);
			return {
				provider: PROVIDER,
				number: `+${number}`,
				blacklisted: false,
				wallet: (extra.wallet as string | undefined) ?? null,
				raw: answer.data as IDataObject,
			};
		},
	);
}
