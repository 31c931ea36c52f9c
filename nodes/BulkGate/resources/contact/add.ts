import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { contactNumberField, contactWriteFields, readContact, readGroups } from './fields';

const show = { resource: ['contact'], operation: ['add'] };

export const contactAddDescription: INodeProperties[] = [
	contactNumberField({ show }, 'The contact’s mobile number, one contact per input item, one request each.'),
	...contactWriteFields({ show }, ''),
];

export async function contactAdd(this: IExecuteFunctions) {
	return await perItem(
		this,
		'Nothing was added for this item.',
		(itemIndex) => ({ ...readContact.call(this, itemIndex), target: readGroups.call(this, itemIndex) }),
		async ({ number, data, target }, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.contactAdd, { ...target, data });
			if (!answer.ok) throw callError.call(this, itemIndex, answer.message);
			return {
				provider: PROVIDER,
				number: `+${number}`,
				added: true,
				groupIds: (target.groups as number[] | undefined) ?? [],
				groupName: (target.group_name as string | undefined) ?? null,
				raw: answer.data as IDataObject,
			};
		},
	);
}
