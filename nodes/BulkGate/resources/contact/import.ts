import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { callBulkGate, callError, readItems } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { contactNumberField, contactWriteFields, readContact, readGroups } from './fields';

const show = { resource: ['contact'], operation: ['import'] };

const DEFAULT_BATCH_SIZE = 500;

export const contactImportDescription: INodeProperties[] = [
	contactNumberField(
		{ show },
		'The contact’s mobile number, one contact per input item. The contacts go in few requests, Batch Size per request.',
	),
	...contactWriteFields({ show }, ' Read once, from the first item, for all the contacts.'),
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
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_BATCH_SIZE,
				description: 'How many contacts go into one request',
			},
		],
	},
];

/**
 * Many contacts per request; the groups are read once, from the first item. A New Group Name is
 * created by every request that carries it, so it is only allowed when one request holds them all.
 */
export async function contactImport(this: IExecuteFunctions) {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const batchSize = Math.max(1, Number(options.batchSize ?? DEFAULT_BATCH_SIZE));
	let target: IDataObject;
	try {
		target = readGroups.call(this, 0);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `The groups: ${(error as Error).message}`, {
			description: 'Nothing was imported. Group IDs are read once, from the first item.',
		});
	}
	const contacts = readItems(this, 'It was not imported.', (itemIndex) => readContact.call(this, itemIndex));
	if (target.group_name !== undefined && contacts.length > batchSize) {
		throw new NodeOperationError(
			this.getNode(),
			`New Group Name needs all ${contacts.length} contacts in one request, but Batch Size is ${batchSize}`,
			{
				description:
					'Nothing was imported. Raise Batch Size, or create the group in the BulkGate Portal and enter its ID in Group IDs.',
			},
		);
	}
	const output: INodeExecutionData[] = contacts.map((contact, itemIndex) => ({
		json: contact instanceof NodeOperationError ? { error: contact.message } : {},
		pairedItem: { item: itemIndex },
	}));
	const pending = contacts.flatMap((contact, itemIndex) =>
		contact instanceof NodeOperationError ? [] : [{ ...contact, itemIndex }],
	);
	for (let start = 0; start < pending.length; start += batchSize) {
		const batch = pending.slice(start, start + batchSize);
		const answer = await callBulkGate.call(this, ENDPOINTS.contactImport, {
			...target,
			data: batch.map(({ data }) => data),
		});
		for (const { number, itemIndex } of batch) {
			if (!answer.ok) {
				const failure = callError.call(this, itemIndex, answer.message);
				if (!this.continueOnFail()) throw failure;
				output[itemIndex].json = { error: failure.message };
				continue;
			}
			output[itemIndex].json = {
				provider: PROVIDER,
				number: `+${number}`,
				added: true,
				groupIds: (target.groups as number[] | undefined) ?? [],
				groupName: (target.group_name as string | undefined) ?? null,
				raw: answer.data as IDataObject,
			};
		}
	}
	return [output];
}
