import type { IDataObject } from 'n8n-workflow';
import type { RecipientOutcome } from '../../../shared/batchSend';
import { DeliveryError } from '../../../shared/deliveryFailure';
import { isObject } from '../../../shared/json';
import { PROVIDER, errorCode, errorOf, readError } from '../../transport';
import { entryOutcome } from '../message/answer';

/**
 * An OTP send or resend answer: `data.id` (the OTP, for Verify and Resend) and `data.message`,
 * the send entry of the message with the code (BulkGate's docs spell it `nessage` once).
 */
export function readOtpAnswer(body: unknown): RecipientOutcome[] {
	if (errorOf(body)) {
		const httpCode = errorCode(body, 200);
		throw new DeliveryError({ kind: 'rejected', httpCode, ...readError(body, httpCode) });
	}
	const data = isObject(body) ? body.data : undefined;
	const id = isObject(data) ? data.id : undefined;
	if (!isObject(data) || typeof id !== 'string' || id === '') {
		throw new DeliveryError({
			kind: 'outcomeUnknown',
			message: `${PROVIDER} answered the OTP request without the OTP's ID`,
			code: 'unreadableAnswer',
		});
	}
	const message = data.message ?? data.nessage;
	if (!isObject(message) || typeof message.status !== 'string') {
		return [{ accepted: true, messageId: id, status: 'accepted', raw: data }];
	}
	const outcome = entryOutcome(message as IDataObject);
	return [{ ...outcome, raw: data }];
}

/** Counts of a text the node writes; an OTP's text is BulkGate's. */
const TEXT_COUNTS = ['encoding', 'characters', 'segments'];

/** The OTP's ID on a send result, where Verify and Resend look for it; the text is BulkGate's own. */
export function withOtpId(json: IDataObject): IDataObject {
	const rest = { ...json };
	for (const field of TEXT_COUNTS) delete rest[field];
	const raw = isObject(rest.raw) ? rest.raw : undefined;
	return { otpId: typeof raw?.id === 'string' ? raw.id : null, ...rest };
}
