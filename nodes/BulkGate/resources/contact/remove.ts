import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { toGatewayDigits } from '../../../shared/phone';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { contactNumberField } from './fields';

const show = { resource: ['contact'], operation: ['remove'] };

export const contactRemoveDescription: INodeProperties[] = [
	contactNumberField({ show }, 'The number of the contact to remove from the address book, one per input item.'),
];

export async function contactRemove(this: IExecuteFunctions) {
	return await perItem(
		this,
		'Nothing was removed for this item.',
		(itemIndex) => toGatewayDigits(itemParameter.call(this, 'phoneNumber', itemIndex), 'Phone Number', false),
		async (number, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.contactRemove, { phone_number: number });
			if (!answer.ok) throw callError.call(this, itemIndex, answer.message);
			return { provider: PROVIDER, number: `+${number}`, removed: true, raw: answer.data as IDataObject };
		},
	);
}
