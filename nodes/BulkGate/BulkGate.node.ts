import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { operationSubtitle } from '../shared/subtitle';
import { accountDescription } from './resources/account';
import { blacklistAdd, blacklistCheck, blacklistDescription, blacklistRemove } from './resources/blacklist';
import { contactAdd, contactDescription, contactGet, contactImport, contactRemove } from './resources/contact';
import { getDeliveryStatus, messageDescription, sendPromotional, sendTransactional } from './resources/message';
import { otpDescription, otpResend, otpSend, otpVerify } from './resources/otp';
import { phoneNumberCheck, phoneNumberDescription } from './resources/phoneNumber';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Blacklist', value: 'blacklist' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Message', value: 'message' },
			{ name: 'OTP', value: 'otp' },
			{ name: 'Phone Number', value: 'phoneNumber' },
		],
		default: 'message',
	},
	...messageDescription,
	...accountDescription,
	...blacklistDescription,
	...phoneNumberDescription,
	...contactDescription,
	...otpDescription,
];

export class BulkGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BulkGate',
		name: 'bulkGate',
		icon: { light: 'file:bulkGate.svg', dark: 'file:bulkGate.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Send transactional and promotional SMS and Viber messages and check the credit with BulkGate',
		defaults: { name: 'BulkGate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bulkGateApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		properties,
	};

	customOperations = {
		message: { sendTransactional, sendPromotional, getDeliveryStatus },
		blacklist: { add: blacklistAdd, check: blacklistCheck, remove: blacklistRemove },
		phoneNumber: { check: phoneNumberCheck },
		contact: { add: contactAdd, get: contactGet, import: contactImport, remove: contactRemove },
		otp: { send: otpSend, resend: otpResend, verify: otpVerify },
	};
}
