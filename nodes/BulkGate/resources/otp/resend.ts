import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { e164 } from '../../../shared/e164';
import { isObject } from '../../../shared/json';
import { itemParameter } from '../../../shared/itemParameters';
import { timeoutOption } from '../../../shared/options';
import { ENDPOINTS } from '../../transport';
import { withOtpId } from './answer';
import { otpIdField, readOtpId } from './otpId';
import { sendOtpPerItem } from './sendPerItem';

export const otpResendDescription: INodeProperties[] = [
	otpIdField('resend'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['otp'], operation: ['resend'] } },
		options: [timeoutOption],
	},
];

/** A resend is a send: it goes through the send pipeline, so n8n's retries never send it twice. */
export async function otpResend(this: IExecuteFunctions) {
	const items = await sendOtpPerItem(
		this,
		ENDPOINTS.otpResend,
		(itemIndex) => {
			const id = readOtpId(itemParameter.call(this, 'otpId', itemIndex));
			return { to: id, body: { id } };
		},
		(id) =>
			`Ask the user whether the code for OTP ${id} arrived, or wait for its delivery report (BulkGate Trigger), before resending.`,
	);
	// The send pipeline keys a resend by its OTP ID; the output names the number the code went to.
	return [
		items.map((item) => {
			const json = withOtpId(item.json);
			const raw = isObject(json.raw) ? json.raw : undefined;
			const message = raw && (isObject(raw.message) ? raw.message : isObject(raw.nessage) ? raw.nessage : undefined);
			const number = message && (typeof message.number === 'string' || typeof message.number === 'number') ? message.number : null;
			return { ...item, json: { ...json, otpId: json.otpId ?? item.json.to, to: e164(number) } };
		}),
	];
}
