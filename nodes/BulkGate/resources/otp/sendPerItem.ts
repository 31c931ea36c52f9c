import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { executeBatchedSend } from '../../../shared/batchSend';
import { credentialBaseUrl } from '../../../shared/credentialBaseUrl';
import { readSendOptions } from '../../../shared/options';
import { SendRun } from '../../../shared/sendRun';
import { CREDENTIAL_TYPE, PROVIDER, readError } from '../../transport';
import { readOtpAnswer } from './answer';

/** BulkGate writes the OTP text itself; the node only counts one message. */
const NO_TEXT = { encoding: 'GSM-7', characters: 0, segments: 1 } as const;

/** One item's OTP request: who it goes to (as the send pipeline keys it) and its body. */
export interface OtpRequest {
	to: string;
	body: IDataObject;
}

/**
 * OTP Send and Resend: one request per item through the send pipeline and its record, so n8n's
 * retries never send a code twice.
 */
export async function sendOtpPerItem(
	context: IExecuteFunctions,
	url: string,
	request: (itemIndex: number) => OtpRequest,
	howToCheck: (to: string) => string,
): Promise<INodeExecutionData[]> {
	const options = readSendOptions.call(context);
	const run = new SendRun(context, PROVIDER);
	const baseURL = await credentialBaseUrl.call(context, CREDENTIAL_TYPE);
	const items = await executeBatchedSend.call(
		context,
		{
			provider: PROVIDER,
			credentialType: CREDENTIAL_TYPE,
			renewsToken: false,
			batchSize: 1,
			dryRun: false,
			prepare: (itemIndex) => {
				const { to, body } = request(itemIndex);
				return {
					itemIndex,
					to,
					externalId: null,
					scheduledAt: null,
					measure: NO_TEXT,
					entry: body,
					shared: {},
					groupKey: String(itemIndex),
				};
			},
			buildRequest: (_shared, entries) => ({
				method: 'POST',
				baseURL,
				url,
				body: entries[0],
				json: true,
				timeout: options.timeout,
			}),
			readResponse: (body) => readOtpAnswer(body),
			readError,
			howToCheck: (recipient) => howToCheck(recipient.to),
		},
		run,
	);
	run.finish(items);
	return items;
}
