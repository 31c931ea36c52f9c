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

/** `data.total.status` keys and the camelCase names they get in the summary. */
const STATUS_COUNTS: Record<string, string> = {
	sent: 'sent',
	accepted: 'accepted',
	scheduled: 'scheduled',
	error: 'error',
	blacklisted: 'blacklisted',
	invalid_number: 'invalidNumber',
	invalid_sender: 'invalidSender',
	duplicity_message: 'duplicityMessage',
};

/** A number BulkGate may write as a JSON number or a numeric string; anything else is unknown. */
function numberOrNull(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/**
 * What a promotional answer says about its whole request: `data.total.price` (credits charged),
 * the per-status counts of `data.total.status`, and the balance left, which BulkGate writes as
 * `credit` on the entries (the lowest is the balance after the request). Missing values are null.
 */
export function requestSummary(body: unknown, firstItem: number): IDataObject {
	const data = isObject(body) ? body.data : undefined;
	const total = isObject(data) && isObject(data.total) ? data.total : {};
	const counts = isObject(total.status) ? total.status : {};
	const entries = isObject(data) && Array.isArray(data.response) ? data.response : [];
	const credits = entries
		.map((entry) => (isObject(entry) ? numberOrNull(entry.credit) : null))
		.filter((credit): credit is number => credit !== null);
	const summary: IDataObject = {
		firstItem,
		recipients: entries.length,
		price: numberOrNull(total.price),
		remainingCredit: credits.length > 0 ? Math.min(...credits) : null,
	};
	for (const [key, name] of Object.entries(STATUS_COUNTS)) summary[name] = numberOrNull(counts[key]);
	return summary;
}

/** A promotional answer: each recipient's outcome, each carrying its request's summary as `requestSummary`. */
export function readPromotionalAnswer(body: unknown, recipients: PreparedRecipient[]): RecipientOutcome[] {
	const outcomes = readAnswer(body, recipients);
	const summary = requestSummary(body, recipients[0].itemIndex);
	return outcomes.map((outcome) => ({ ...outcome, extra: { requestSummary: { ...summary } } }));
}
