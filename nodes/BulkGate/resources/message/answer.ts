import type { IDataObject } from 'n8n-workflow';
import type { PreparedRecipient, RecipientOutcome } from '../../../shared/batchSend';
import { DeliveryError } from '../../../shared/deliveryFailure';
import { e164 } from '../../../shared/e164';
import { isObject } from '../../../shared/json';
import { PROVIDER, errorCode, errorOf, readError } from '../../transport';

/** Statuses meaning the message is on its way. */
const ON_ITS_WAY = new Set(['sent', 'accepted', 'scheduled']);

/** Statuses meaning BulkGate did not send to this recipient, with what they mean. */
const NOT_SENT: Record<string, string> = {
	error: 'BulkGate could not send the message',
	invalid_number: 'BulkGate rejected the phone number as invalid',
	blacklisted: 'The number is on the BulkGate blacklist',
	invalid_sender: 'BulkGate rejected the sender ID',
	duplicity_message: 'BulkGate dropped the message as a duplicate of an earlier one',
};

function unknown(message: string): DeliveryError {
	return new DeliveryError({ kind: 'outcomeUnknown', message, code: 'unreadableAnswer' });
}

/**
 * The `data.response` list of a send answer. A request-level error (also with HTTP 200) means
 * nothing was sent; an answer without the list cannot tell what happened.
 */
export function responseEntries(body: unknown): IDataObject[] {
	if (errorOf(body)) {
		const httpCode = errorCode(body, 200);
		throw new DeliveryError({ kind: 'rejected', httpCode, ...readError(body, httpCode) });
	}
	const data = isObject(body) ? body.data : undefined;
	const entries = isObject(data) ? data.response : undefined;
	if (
		!Array.isArray(entries) ||
		!entries.every((entry) => isObject(entry) && typeof entry.status === 'string')
	) {
		throw unknown(`${PROVIDER} answered the send without a readable list of recipients`);
	}
	return entries as IDataObject[];
}

/** One answer entry as an outcome; a status or id this node cannot read makes the answer unreadable. */
export function entryOutcome(entry: IDataObject): RecipientOutcome {
	const status = entry.status as string;
	// BulkGate answers every number in full international form, also one sent national with a Country.
	const to = e164(entry.number as string | number | undefined) ?? undefined;
	if (ON_ITS_WAY.has(status)) {
		const messageId = entry.message_id ?? entry.sms_id;
		if ((typeof messageId !== 'string' || messageId === '') && typeof messageId !== 'number') {
			throw unknown(`${PROVIDER} answered "${status}" for ${String(entry.number)} without a message ID`);
		}
		return { to, accepted: true, messageId, status, raw: entry };
	}
	const meaning = NOT_SENT[status];
	if (!meaning) {
		throw unknown(`${PROVIDER} answered with the unknown status "${status}" for ${String(entry.number)}`);
	}
	const reason = [entry.error, entry.detail]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(': ');
	return {
		to,
		accepted: false,
		message: `${meaning}${reason ? `: "${reason}"` : ''} (${status})`,
		code: status,
		reason: reason || meaning,
		raw: entry,
	};
}

/** BulkGate writes numbers in full; a national number sent with a Country comes back with its prefix. */
function sameNumber(sent: string, answered: unknown, national: boolean): boolean {
	const digits =
		typeof answered === 'string' || typeof answered === 'number' ? String(answered).replace(/^\+/, '') : '';
	return digits === sent || (national && digits.length > sent.length && digits.endsWith(sent));
}

/**
 * Maps an answer to the recipients of its request, in order. It must hold one entry per
 * recipient with the numbers lining up; otherwise nobody can tell which message went where.
 */
export function readAnswer(body: unknown, recipients: PreparedRecipient[]): RecipientOutcome[] {
	const entries = responseEntries(body);
	if (entries.length !== recipients.length) {
		throw unknown(`${PROVIDER} answered with ${entries.length} entries for ${recipients.length} recipients`);
	}
	recipients.forEach((recipient, position) => {
		const sent = recipient.entry.number;
		if (typeof sent !== 'string') return;
		const national = Boolean(recipient.entry.country ?? recipient.shared.country);
		if (!sameNumber(sent, entries[position].number, national)) {
			throw unknown(
				`${PROVIDER}'s answer does not line up with the request (entry ${position + 1} is ${String(entries[position].number)}, ${sent} was sent there)`,
			);
		}
	});
	return entries.map(entryOutcome);
}
