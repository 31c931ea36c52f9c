import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { batchSizeOption, dryRunOption, readSendOptions, timeoutOption } from '../../../shared/options';
import { SendRun } from '../../../shared/sendRun';
import { PROVIDER } from '../../transport';
import { channelsField } from './channelFields';
import { sendMessages, type PreparedMessage } from './delivery';
import { executeGroupSend, prepareGroupSend } from './groupsAndAdmins';
import { readMessageInput } from './messageInput';
import { countryOption, numberField, scheduleOption, textField, variablesField } from './messageFields';
import { readRecipientNumber } from './recipientNumber';

const operation = 'sendPromotional';
const show = { resource: ['message'], operation: [operation] };
const showForItems = { show: { ...show, sendTo: ['items'] } };
const showForGroups = { show: { ...show, sendTo: ['groupsAndAdmins'] } };

export const sendPromotionalDescription: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'multiOptions',
		required: true,
		options: [
			{
				name: 'Address Book Groups and Admins',
				value: 'groupsAndAdmins',
				description:
					"Groups and notification admins from the BulkGate Portal, sent once per execution with the first item's values",
			},
			{
				name: 'Input Items',
				value: 'items',
				description: 'Each input item is one recipient with its own number, text and variables',
			},
		],
		default: ['items'],
		displayOptions: { show },
	},
	numberField(showForItems, ' One recipient per input item.'),
	textField(showForItems),
	variablesField(showForItems),
	{
		displayName: 'Group IDs',
		name: 'groupIds',
		type: 'string',
		default: '',
		placeholder: '12, 15',
		description:
			'IDs of address-book groups, separated by commas; the ID is shown in the group detail in the BulkGate Portal',
		displayOptions: showForGroups,
	},
	{
		displayName: 'Admin IDs',
		name: 'adminIds',
		type: 'string',
		default: '',
		placeholder: '154',
		description: 'IDs of notification admins, separated by commas',
		displayOptions: showForGroups,
	},
	{
		displayName: 'Text for Groups and Admins',
		name: 'groupText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description:
			'Text the groups and admins receive, up to 612 characters (268 in Unicode). BulkGate fills in contact fields such as &lt;first_name&gt;.',
		displayOptions: showForGroups,
	},
	channelsField(operation),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			countryOption,
			{
				displayName: 'Duplicates Check',
				name: 'duplicatesCheck',
				type: 'options',
				options: [
					{ name: 'None', value: 'none', description: 'Send every message' },
					{
						name: 'Same Number',
						value: 'same_number',
						description: 'Drop any message to a number that already got one',
					},
					{
						name: 'Same Text',
						value: 'same_text',
						description: 'Drop a message whose text already went to the same number',
					},
				],
				default: 'same_text',
				description: 'Which messages BulkGate drops as duplicates',
			},
			scheduleOption,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [batchSizeOption(10000), dryRunOption, timeoutOption],
	},
];

/** `duplicates_check` of an item; it is request-level, so items share requests only when it is equal. */
function duplicatesCheck(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
	if (fields.duplicatesCheck === undefined) return {};
	return { duplicates_check: fields.duplicatesCheck === 'none' ? null : fields.duplicatesCheck };
}

function prepare(this: IExecuteFunctions, itemIndex: number): PreparedMessage {
	const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
	const hasCountry = typeof fields.country === 'string' && fields.country.trim() !== '';
	const { number, to } = readRecipientNumber(itemParameter.call(this, 'number', itemIndex), hasCountry);
	const message = readMessageInput.call(this, itemIndex, {
		name: 'text',
		displayName: 'Text',
		withVariables: true,
	});
	const entry: IDataObject = { number, text: message.text };
	if (message.variables) entry.variables = message.variables;
	return {
		to,
		entry,
		shared: { ...message.settings, ...duplicatesCheck.call(this, itemIndex) },
		scheduledAt: message.scheduledAt,
		measure: message.measure,
	};
}

/**
 * Input items go through the batched pipeline; groups and admins, when chosen, are checked before
 * anything is sent and sent once after the items, so no batch ever repeats them.
 */
export async function sendPromotional(this: IExecuteFunctions) {
	const options = readSendOptions.call(this);
	const sendTo = this.getNodeParameter('sendTo', 0, []) as string[];
	if (sendTo.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Send To is empty', {
			description: 'Choose Input Items, Address Book Groups and Admins, or both.',
		});
	}
	const run = new SendRun(this, PROVIDER);
	const groups = sendTo.includes('groupsAndAdmins')
		? prepareGroupSend.call(this, duplicatesCheck.call(this, 0), run)
		: undefined;
	const items = sendTo.includes('items')
		? await sendMessages.call(this, 'promotional', options, (itemIndex) => prepare.call(this, itemIndex), run)
		: [];
	const groupItems = groups ? await executeGroupSend.call(this, groups, options, run) : [];
	const output = [...items, ...groupItems];
	run.finish(output);
	return [output];
}
