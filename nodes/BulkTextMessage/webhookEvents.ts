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
		const common = {
			messageId: sms.identifier('id'),
			externalId: sms.identifier('external_id'),
			text: sms.text('content'),
			status,
		};

		if (sms.text('direction')?.trim().toLowerCase() === 'incoming') {
			const zone = sms.nestedText('created', 'timezone') ?? 'UTC';
			return createEvent('bulkTextMessage', 'inbound', fields.entry, {
				...common,
				from: sms.text('number'),
				to: sms.text('to'),
				receivedAt: fromSqlTimestamp(sms.nestedText('created', 'date'), zone),
			});
		}

		if (status === null) return sms.reject('"status" is missing');
		return createEvent('bulkTextMessage', eventForStatus(status), fields.entry, {
			...common,
			to: sms.text('number'),
			from: sms.text('from'),
		});
	},
};
