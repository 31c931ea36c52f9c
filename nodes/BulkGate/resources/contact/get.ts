import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { toGatewayDigits } from '../../../shared/phone';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { contactNumberField, contactOutput } from './fields';

const show = { resource: ['contact'], operation: ['get'] };

export const contactGetDescription: INodeProperties[] = [
	contactNumberField({ show }, 'The number of the contact to read, one per input item.'),
];

export async function contactGet(this: IExecuteFunctions) {
	return await perItem(
		this,
		'It was not looked up.',
		(itemIndex) => toGatewayDigits(itemParameter.call(this, 'phoneNumber', itemIndex), 'Phone Number', false),
		async (number, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.contactGet, { phone_number: number });
			if (!answer.ok) throw callError.call(this, itemIndex, answer.message);
			const contact = answer.data as IDataObject;
			return { provider: PROVIDER, number: `+${number}`, ...contactOutput(contact), raw: contact };
		},
	);
}
