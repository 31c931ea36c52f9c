import { e164 } from '../shared/e164';
import { createEvent, type WebhookEventType } from '../shared/webhook/event';
import type { WebhookSource } from '../shared/webhook/runner';
import { PROVIDER } from './transport';
import { fromPragueMinute } from '../shared/webhook/timestamps';

/** BulkGate's report status codes; any other code is a generic status change. */
const EVENT_BY_STATUS: Readonly<Record<number, WebhookEventType>> = {
	1: 'delivered',
	2: 'buffered',
	3: 'failed',
	10: 'inbound',
	13: 'seen',
};

/**
 * The codes as words. 6 (accepted by the provider) and 8 (expired) are in BulkGate's 2018
 * documentation only; 0 is "unknown" in BulkGate's own sample code, like any code not listed.
 */
const STATUS_WORDS: Readonly<Record<number, string>> = {
	1: 'delivered',
	2: 'buffered',
	3: 'failed',
	6: 'accepted',
	8: 'expired',
	10: 'received',
	13: 'seen',
};

/** `date` is `YYMMDDhhmm;YYMMDDhhmm`: send time and delivery time, Czech local time. */
function reportTimes(date: string | null): { sentAt: string | null; deliveredAt: string | null } {
	const [sent, delivered] = (date ?? '').split(';');
	return {
		sentAt: fromPragueMinute(sent ?? null),
		deliveredAt: fromPragueMinute(delivered ?? null),
	};
}

/** `smsdetails` of an incoming SMS is `protocol;YYMMDDhhmm` (receipt time). */
function receiptTime(details: string | null): string | null {
	const time = /(\d{10})\s*$/.exec(details ?? '');
	return time ? fromPragueMinute(time[1]) : null;
}

/**
 * One delivery report or incoming SMS, from the query of a GET or one object of a bulk POST
 * (all values strings). The incoming text is `message` in the single form, `text` in the bulk one.
 */
export const bulkGateEvents: WebhookSource = {
	provider: PROVIDER,
	events: ['buffered', 'delivered', 'failed', 'inbound', 'status', 'seen'],
	toEvent(fields) {
		const status = fields.text('status');
		if (status === null) return fields.reject('"status" is missing');
		if (!/^\d+$/.test(status.trim())) {
			return fields.reject(`"status" is ${JSON.stringify(status)}, not a status number`);
		}
		const statusCode = Number(status.trim());
		const event = EVENT_BY_STATUS[statusCode] ?? 'status';
		const { sentAt, deliveredAt } = reportTimes(fields.text('date'));
		// BulkGate's bulk form sends an incoming SMS without any time; it forwards one as it
		// arrives, so the moment the call came is when it was received.
		const receivedAt =
			event === 'inbound'
				? (receiptTime(fields.text('smsdetails')) ?? sentAt ?? new Date().toISOString())
				: null;

		return createEvent(PROVIDER, event, fields.entry, {
			messageId: fields.text('smsID'),
			to: e164(fields.text('to')),
			from: e164(fields.text('from')),
			text: fields.text('message', 'text'),
			status: STATUS_WORDS[statusCode] ?? 'unknown',
			statusCode,
			channel: fields.text('channel'),
			price: fields.number('price'),
			sentAt,
			deliveredAt,
			receivedAt,
		});
	},
};
