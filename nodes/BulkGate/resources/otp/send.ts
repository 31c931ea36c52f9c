import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InvalidInputError } from '../../../shared/invalidInput';
import { itemParameter } from '../../../shared/itemParameters';
import { timeoutOption } from '../../../shared/options';
import { toGatewayDigits } from '../../../shared/phone';
import { ENDPOINTS } from '../../transport';
import { howToCheck } from '../message/delivery';
import { countryOption } from '../message/messageFields';
import { readCountry } from '../message/messageInput';
import { withOtpId } from './answer';
import { sendOtpPerItem } from './sendPerItem';

const show = { resource: ['otp'], operation: ['send'] };

export const otpSendDescription: INodeProperties[] = [
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+420 777 123 456',
		description: 'Where the code goes, one OTP per input item: international, or national when Country is set',
		displayOptions: { show },
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'sms' },
			{ name: 'Viber (Then SMS)', value: 'viber' },
		],
		default: 'sms',
		displayOptions: { show },
	},
	{
		displayName: 'Viber Sender',
		name: 'viberSender',
		type: 'string',
		required: true,
		default: '',
		description: 'Your Viber sender name, registered in the BulkGate Portal',
		displayOptions: { show: { ...show, channel: ['viber'] } },
	},
	{
		displayName: 'Requester ID',
		name: 'requester',
		type: 'string',
		required: true,
		default: '',
		placeholder: '203.0.113.7',
		description:
			'Who asks for the code, e.g. the user’s IP address or account ID: BulkGate limits the requests per minute for each',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Code Length',
				name: 'codeLength',
				type: 'number',
				typeOptions: { minValue: 4, maxValue: 100 },
				default: 6,
			},
			{
				displayName: 'Code Type',
				name: 'codeType',
				type: 'options',
				options: [
					{ name: 'Digits', value: 'int' },
					{ name: 'Letters', value: 'string' },
					{ name: 'Letters and Digits', value: 'combined' },
				],
				default: 'int',
			},
			countryOption,
			{
				displayName: 'Expiration (Seconds)',
				name: 'expiration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 604800,
				description: 'How long the code can be verified or resent',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: 'en',
				placeholder: 'cs',
				description: 'Language of BulkGate’s message text, as a two-letter code',
			},
			{
				displayName: 'Requests per Minute',
				name: 'requestsPerMinute',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'How many codes one Requester ID may ask for per minute',
			},
			{
				displayName: 'Resend Limit',
				name: 'resendLimit',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
				description: 'How often the code may be resent; unset means no limit',
			},
			{
				displayName: 'Verification Limit',
				name: 'verificationLimit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description: 'How many wrong codes may be tried; unset means no limit',
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
		options: [timeoutOption],
	},
];

const NUMBER_FIELDS: Array<[string, string]> = [
	['codeLength', 'code_length'],
	['expiration', 'expiration'],
	['requestsPerMinute', 'request_quota_number'],
	['resendLimit', 'trials_available_resend'],
	['verificationLimit', 'trials_available_verification'],
];

function prepare(this: IExecuteFunctions, itemIndex: number) {
	const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
	const country = readCountry(fields.country);
	const number = toGatewayDigits(itemParameter.call(this, 'number', itemIndex), 'Number', country !== undefined);
	const requester = String(itemParameter.call(this, 'requester', itemIndex, '') ?? '').trim();
	if (requester === '') {
		throw new InvalidInputError('Requester ID', 'Requester ID is empty', 'Map who asks for the code, e.g. the user’s IP address.');
	}
	const body: IDataObject = { number, request_quota_identification: requester };
	if (country !== undefined) body.country = country.toUpperCase();
	if (typeof fields.language === 'string' && fields.language.trim() !== '') body.language = fields.language.trim();
	if (typeof fields.codeType === 'string') body.code_type = fields.codeType;
	for (const [name, bulkGateName] of NUMBER_FIELDS) {
		if (fields[name] !== undefined && fields[name] !== null && fields[name] !== '') body[bulkGateName] = Number(fields[name]);
	}
	if (itemParameter.call(this, 'channel', itemIndex, 'sms') === 'viber') {
		const sender = String(itemParameter.call(this, 'viberSender', itemIndex, '') ?? '').trim();
		if (sender === '') throw new InvalidInputError('Viber Sender', 'Viber Sender is empty', 'Enter your Viber sender name.');
		body.channel = { viber: { sender }, sms: {} };
	}
	return { number, body };
}

/** One OTP per item, through the send pipeline: never sent twice, also not by n8n's retries. */
export async function otpSend(this: IExecuteFunctions) {
	const items = await sendOtpPerItem(
		this,
		ENDPOINTS.otpSend,
		(itemIndex) => {
			const { number, body } = prepare.call(this, itemIndex);
			return { to: number, body };
		},
		howToCheck,
	);
	return [items.map((item) => ({ ...item, json: withOtpId(item.json) }))];
}
