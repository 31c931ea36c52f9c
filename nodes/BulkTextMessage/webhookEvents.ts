import { e164 } from '../shared/e164';
import { createEvent, type WebhookEventType } from '../shared/webhook/event';
import type { WebhookSource } from '../shared/webhook/runner';
import { PROVIDER } from './transport';
import { fromSqlTimestamp } from '../shared/webhook/timestamps';

function eventForStatus(status: string): WebhookEventType {
	switch (status.trim().toLowerCase()) {
		case 'delivered':
			return 'delivered';
		case 'failed':
		case 'undelivered':
		case 'rejected':
			return 'failed';
		default:
			return 'status';
	}
}

/**
 * One SMS object, bare or wrapped as `{ data: SMS }`, from JSON or form fields. An `incoming`
 * message is an inbound SMS; any other is a status change of a message you sent.
 */
export const bulkTextMessageEvents: WebhookSource = {
	provider: PROVIDER,
	events: ['delivered', 'failed', 'inbound', 'status'],
	toEvent(fields) {
		const sms = fields.unwrap('data');
		const status = sms.text('status');
		// `created` is when BulkTextMessage created the SMS: when it accepted your send (its
		// status then is queued), or when an incoming SMS arrived. It is neither sent nor delivered.
		const zone = sms.nestedText('created', 'timezone') ?? 'UTC';
		const createdAt = fromSqlTimestamp(sms.nestedText('created', 'date'), zone);
		const common = {
			messageId: sms.identifier('id'),
			externalId: sms.identifier('external_id'),
			text: sms.text('content'),
			status: status?.trim().toLowerCase() ?? null,
			createdAt,
		};

		if (sms.text('direction')?.trim().toLowerCase() === 'incoming') {
			return createEvent(PROVIDER, 'inbound', fields.entry, {
				...common,
				from: e164(sms.text('number')),
				to: e164(sms.text('to')),
				receivedAt: createdAt,
			});
		}

		if (status === null) return sms.reject('"status" is missing');
		return createEvent(PROVIDER, eventForStatus(status), fields.entry, {
			...common,
			to: e164(sms.text('number')),
			from: e164(sms.text('from')),
		});
	},
};
