import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { toGatewayDigits } from '../../../shared/phone';
import { readIds } from '../message/recipientIds';

export function contactNumberField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+420 777 123 456',
		description: `${description} In international format, as BulkGate's address book takes no country`,
		displayOptions,
	};
}

/** Contact fields under the names n8n users know, each with BulkGate's name. */
const CONTACT_FIELDS: Array<[string, string, string]> = [
	['City', 'city', 'city'],
	['Company Name', 'companyName', 'company_name'],
	['Country', 'country', 'country'],
	['Email', 'email', 'email'],
	['First Name', 'firstName', 'first_name'],
	['Last Name', 'lastName', 'last_name'],
	['Note', 'note', 'note'],
	['Street', 'street', 'street1'],
	['ZIP', 'zip', 'zip'],
];

export function contactWriteFields(displayOptions: IDisplayOptions, groupsNote: string): INodeProperties[] {
	return [
		{
			displayName: 'Contact Fields',
			name: 'contactFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions,
			options: CONTACT_FIELDS.map(([displayName, name]) => ({
				displayName,
				name,
				type: 'string',
				default: '',
				...(name === 'country' ? { placeholder: 'CZ', description: 'Two-letter country code (ISO 3166-1)' } : {}),
			})),
		},
		{
			displayName: 'Group IDs',
			name: 'groupIds',
			type: 'string',
			default: '',
			placeholder: '12, 15',
			description: `Address-book groups to add the contact to (the ID is in the group detail in the BulkGate Portal), separated by commas.${groupsNote}`,
			displayOptions,
		},
		{
			displayName: 'New Group Name',
			name: 'groupName',
			type: 'string',
			default: '',
			placeholder: 'Spring campaign',
			description: 'Also add the contacts to a new group of this name',
			displayOptions,
		},
	];
}

export interface ContactInput {
	number: string;
	data: IDataObject;
}

/** The item's contact: its number as digits and the fields that were filled in, under BulkGate's names. */
export function readContact(this: IExecuteFunctions, itemIndex: number): ContactInput {
	const number = toGatewayDigits(itemParameter.call(this, 'phoneNumber', itemIndex), 'Phone Number', false);
	const fields = itemParameter.call(this, 'contactFields', itemIndex, {}) as IDataObject;
	const data: IDataObject = { phone_mobile: number };
	for (const [, name, bulkGateName] of CONTACT_FIELDS) {
		const value = fields[name];
		if (value !== undefined && value !== null && String(value).trim() !== '') data[bulkGateName] = String(value).trim();
	}
	return { number, data };
}

/** Where the contacts go: existing groups and/or a new one. */
export function readGroups(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const target: IDataObject = {};
	const groups = readIds(itemParameter.call(this, 'groupIds', itemIndex, ''), 'Group IDs');
	if (groups.length) target.groups = groups;
	const name = String(itemParameter.call(this, 'groupName', itemIndex, '') ?? '').trim();
	if (name !== '') target.group_name = name;
	return target;
}

/** BulkGate's contact with camelCase names and the number in E.164. */
export function contactOutput(contact: IDataObject): IDataObject {
	const output: IDataObject = {};
	for (const [key, value] of Object.entries(contact)) {
		output[key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())] = value;
	}
	return output;
}
