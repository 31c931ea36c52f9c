import type { IDataObject } from 'n8n-workflow';

/** The gateway's name as every output of the package spells it. */
export type WebhookProvider = 'BulkGate' | 'BulkTextMessage';

export type WebhookEventType =
	| 'buffered'
	| 'delivered'
	| 'failed'
	| 'inbound'
	| 'invalid'
	| 'seen'
	| 'status';

/** What a gateway may tell about a message; numbers are E.164, times ISO 8601 UTC. */
interface EventDetails {
	messageId: string | number | null;
	externalId: string | number | null;
	to: string | null;
	from: string | null;
	text: string | null;
	/** The status as a word (`delivered`, `failed`, `received`…). */
	status: string | null;
	/** The gateway's numeric status, when it sends one (BulkGate). */
	statusCode: number | null;
	channel: string | null;
	price: number | null;
	/** When the gateway created the message: accepted it from you, or received it. */
	createdAt: string | null;
	sentAt: string | null;
	deliveredAt: string | null;
	receivedAt: string | null;
}

/** One output item per report or incoming message; the same shape for both gateways. */
export interface WebhookEvent extends IDataObject, EventDetails {
	provider: WebhookProvider;
	event: WebhookEventType;
	/** The gateway's entry as received (without the query-string secret). */
	raw: IDataObject;
}

/** An entry that could not be read as an event: every event field null, the reason and the entry. */
export interface InvalidEntryEvent extends IDataObject, EventDetails {
	provider: string;
	event: 'invalid';
	error: string;
	/** The entry as received: usually an object, but whatever a bulk array held. */
	raw: IDataObject['raw'];
}

/** Builds an event with every field present: what the gateway did not send is null. */
export function createEvent(
	provider: WebhookProvider,
	event: WebhookEventType,
	raw: IDataObject,
	details: Partial<EventDetails>,
): WebhookEvent {
	return {
		provider,
		event,
		messageId: details.messageId ?? null,
		externalId: details.externalId ?? null,
		to: details.to ?? null,
		from: details.from ?? null,
		text: details.text ?? null,
		status: details.status ?? null,
		statusCode: details.statusCode ?? null,
		channel: details.channel ?? null,
		price: details.price ?? null,
		createdAt: details.createdAt ?? null,
		sentAt: details.sentAt ?? null,
		deliveredAt: details.deliveredAt ?? null,
		receivedAt: details.receivedAt ?? null,
		raw,
	};
}

/**
 * The item for an entry that could not be read: the event fields null, the reason, the entry.
 * `provider` is the gateway's name as the send results give it.
 */
export function invalidEntryEvent(provider: string, error: string, raw: unknown): InvalidEntryEvent {
	return {
		provider,
		event: 'invalid',
		messageId: null,
		externalId: null,
		to: null,
		from: null,
		text: null,
		status: null,
		statusCode: null,
		channel: null,
		price: null,
		createdAt: null,
		sentAt: null,
		deliveredAt: null,
		receivedAt: null,
		error,
		raw: raw as IDataObject['raw'],
	};
}
