import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { executeBatchedSend } from '../../../shared/batchSend';
import { credentialBaseUrl } from '../../../shared/credentialBaseUrl';
import { isObject } from '../../../shared/json';
import { itemParameter } from '../../../shared/itemParameters';
import { readSendOptions, timeoutOption } from '../../../shared/options';
import { SendRun } from '../../../shared/sendRun';
import { CREDENTIAL_TYPE, ENDPOINTS, PROVIDER, readError } from '../../transport';
import { readOtpAnswer, withOtpId } from './answer';
import { otpIdField, readOtpId } from './otpId';

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
	const options = readSendOptions.call(this);
	const run = new SendRun(this, PROVIDER);
	const baseURL = await credentialBaseUrl.call(this, CREDENTIAL_TYPE);
	const items = await executeBatchedSend.call(
		this,
		{
			provider: PROVIDER,
			credentialType: CREDENTIAL_TYPE,
			renewsToken: false,
			batchSize: 1,
			dryRun: false,
			prepare: (itemIndex) => {
				const id = readOtpId(itemParameter.call(this, 'otpId', itemIndex));
				return {
					itemIndex,
					to: id,
					externalId: null,
					scheduledAt: null,
					measure: { encoding: 'GSM-7', characters: 0, segments: 1 },
					entry: { id },
					shared: {},
					groupKey: String(itemIndex),
				};
			},
			buildRequest: (_shared, entries) => ({
				method: 'POST',
				baseURL,
				url: ENDPOINTS.otpResend,
				body: entries[0],
				json: true,
				timeout: options.timeout,
			}),
			readResponse: (body) => readOtpAnswer(body),
			readError,
			howToCheck: (recipient) =>
				`Ask the user whether the code for OTP ${recipient.to} arrived, or wait for its delivery report (BulkGate Trigger), before resending.`,
		},
		run,
	);
	run.finish(items);
	// The send pipeline keys a resend by its OTP ID; the output names the number the code went to.
	return [
		items.map((item) => {
			const json = withOtpId(item.json);
			const raw = isObject(json.raw) ? json.raw : undefined;
			const message = raw && (isObject(raw.message) ? raw.message : isObject(raw.nessage) ? raw.nessage : undefined);
			const number = message && (typeof message.number === 'string' || typeof message.number === 'number') ? String(message.number) : null;
			return { ...item, json: { ...json, otpId: json.otpId ?? item.json.to, to: number ? `+${number.replace(/^\+/, '')}` : null } };
		}),
	];
}
