import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { dryRunOption, readSendOptions, timeoutOption } from '../../../shared/options';
import { SendRun } from '../../../shared/sendRun';
import { PROVIDER } from '../../transport';
import { channelsField } from './channelFields';
import { sendMessages, type PreparedMessage } from './delivery';
import { readMessageInput } from './messageInput';
import { countryOption, numberField, scheduleOption, textField, variablesField } from './messageFields';
import { readIds } from './recipientIds';
import { readRecipientNumber } from './recipientNumber';

const operation = 'sendTransactional';
const show = { resource: ['message'], operation: [operation] };

export const sendTransactionalDescription: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		options: [
			{
				name: 'Notification Admin',
				value: 'admin',
				description: 'An admin set up in the BulkGate Portal, by ID',
			},
			{ name: 'Phone Number', value: 'number' },
		],
		default: 'number',
		displayOptions: { show },
	},
	numberField({ show: { ...show, sendTo: ['number'] } }, ' One message per input item.'),
	{
		displayName: 'Admin ID',
		name: 'adminId',
		type: 'number',
		required: true,
		default: 0,
		description: 'ID of the notification admin, from the admin list in the BulkGate Portal',
		displayOptions: { show: { ...show, sendTo: ['admin'] } },
	},
	textField({ show }),
	variablesField({ show }),
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
				type: 'boolean',
				default: true,
				description:
					'Whether BulkGate drops this message when the same text went to the same number in the last 5 minutes',
			},
			scheduleOption,
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Your own label for the message, to find it later in BulkGate',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [dryRunOption, timeoutOption],
	},
];

/** Reads one item: the recipient (number or admin), then the message; the body keeps BulkGate's field order. */
function prepare(this: IExecuteFunctions, itemIndex: number): PreparedMessage {
	const toAdmin = itemParameter.call(this, 'sendTo', itemIndex, 'number') === 'admin';
	const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
	const hasCountry = typeof fields.country === 'string' && fields.country.trim() !== '';
	const number = toAdmin ? undefined : readRecipientNumber(itemParameter.call(this, 'number', itemIndex), hasCountry);
	const recipient: IDataObject = number
		? { number: number.number }
		: { admin: readIds(itemParameter.call(this, 'adminId', itemIndex), 'Admin ID', true)[0] };
	const message = readMessageInput.call(this, itemIndex, {
		name: 'text',
		displayName: 'Text',
		withVariables: true,
	});

	const body: IDataObject = { ...recipient, text: message.text };
	if (message.variables) body.variables = message.variables;
	Object.assign(body, message.settings);
	if (typeof fields.duplicatesCheck === 'boolean') {
		body.duplicates_check = fields.duplicatesCheck ? 'on' : 'off';
	}
	if (fields.tag !== undefined && fields.tag !== null && String(fields.tag).trim() !== '') {
		body.tag = String(fields.tag).trim();
	}
	return {
		to: number ? number.to : `admin:${String(recipient.admin)}`,
		entry: body,
		shared: {},
		scheduledAt: message.scheduledAt,
		measure: message.measure,
	};
}

export async function sendTransactional(this: IExecuteFunctions) {
	const options = readSendOptions.call(this);
	const run = new SendRun(this, PROVIDER);
	const items = await sendMessages.call(this, 'transactional', options, (itemIndex) => prepare.call(this, itemIndex), run);
	run.finish(items);
	return [items];
}
