import type { INodeProperties } from 'n8n-workflow';

/** Sender ID types that need a value (text, number, profile ID or Mobile Connect key). */
export const SENDER_TYPES_WITH_VALUE = ['gMobile', 'gOwn', 'gProfile', 'gPush', 'gText'];

const showForSms = { show: { type: ['sms'] } };
const showForViber = { show: { type: ['viber'] } };

/** Settings of an SMS entry in the cascade. */
const smsSettings: INodeProperties[] = [
	{
		displayName: 'Sender ID Type',
		name: 'senderIdType',
		type: 'options',
		options: [
			{ name: 'BulkGate Profile (gProfile)', value: 'gProfile' },
			{ name: 'Mobile Connect (gMobile)', value: 'gMobile' },
			{ name: 'Mobile Connect Push (gPush)', value: 'gPush' },
			{ name: 'Own Number (gOwn)', value: 'gOwn' },
			{ name: 'Short Code (gShort)', value: 'gShort' },
			{ name: 'System Number (gSystem)', value: 'gSystem' },
			{ name: 'Text Sender (gText)', value: 'gText' },
		],
		default: 'gSystem',
		description: 'Who the SMS appears to come from',
		displayOptions: showForSms,
	},
	{
		displayName: 'Sender ID Value',
		name: 'senderIdValue',
		type: 'string',
		default: '',
		description:
			'The sender text (gText, 3 to 11 characters), your verified number (gOwn), the profile ID (gProfile) or the Mobile Connect key (gMobile, gPush)',
		displayOptions: { show: { type: ['sms'], senderIdType: SENDER_TYPES_WITH_VALUE } },
	},
	{
		displayName: 'Unicode',
		name: 'unicode',
		type: 'options',
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description: 'Unicode only when the text has characters GSM-7 cannot hold',
			},
			{
				name: 'Off',
				value: 'off',
				description: 'GSM-7; text with other characters is refused before sending',
			},
			{ name: 'On', value: 'on', description: 'Always Unicode (70 characters per part)' },
		],
		default: 'auto',
		displayOptions: showForSms,
	},
];

/**
 * Settings of a Viber entry: the one required field first, then the optional ones. The block is
 * labelled Viber already, so the names carry no prefix; the stored names are unchanged.
 */
const viberSettings: INodeProperties[] = [
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		description: 'Your Viber sender name, as registered with BulkGate',
		displayOptions: showForViber,
	},
	{
		displayName: 'Button Caption',
		name: 'buttonCaption',
		type: 'string',
		default: '',
		description: 'Text of a button under the Viber message. Needs a Button URL.',
		displayOptions: showForViber,
	},
	{
		displayName: 'Button URL',
		name: 'buttonUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/offer',
		description: 'Address the button opens. Needs a Button Caption.',
		displayOptions: showForViber,
	},
	{
		displayName: 'Expiration (Seconds)',
		name: 'expiration',
		type: 'number',
		typeOptions: { minValue: 60 },
		default: 120,
		description: 'How long BulkGate waits for Viber to deliver before it tries the next channel',
		displayOptions: showForViber,
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: 'Text for Viber instead of the message text. Empty uses the message text.',
		displayOptions: showForViber,
	},
];

/**
 * The channel cascade: a sortable list, so the order the user gives is the order BulkGate tries
 * the channels in (BulkGate reads it from the key order of the `channel` object).
 */
export function channelsField(operation: string): INodeProperties {
	return {
		displayName: 'Channels',
		name: 'channels',
		type: 'fixedCollection',
		placeholder: 'Add Channel',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description:
			'Channels to try, first to last; when one cannot deliver, BulkGate uses the next, and SMS when none delivers. Without any, the message goes by SMS from the system number.',
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				values: [
					{
						displayName: 'Channel',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'SMS', value: 'sms' },
							{ name: 'Viber', value: 'viber' },
						],
						default: 'sms',
					},
					...smsSettings,
					...viberSettings,
				],
			},
		],
	};
}
