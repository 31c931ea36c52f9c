import type { IDataObject, INode, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	answerUnauthorised,
	isAuthorised,
	readAuthenticationSettings,
	secretQueryParameter,
} from './authentication';
import { kindOf } from '../invalidInput';
import { EntryFields } from './entryFields';
import { invalidEntryEvent, type InvalidEntryEvent, type WebhookEvent, type WebhookEventType } from './event';
import { markOptOut, optOutKeywords } from './optOut';
import { EntryRejection, RequestRejection } from './rejection';
import { isPlainObject, readEntries } from './request';
import { ACCEPTED_BODY, answer, type WebhookResponse } from './response';

/** What a gateway contributes to the shared webhook: the events it reports and its mapping. */
export interface WebhookSource {
	/** The gateway's name on `invalid` items, as the send results give it. */
	provider: string;
	events: readonly WebhookEventType[];
	/** Maps one entry to an event; calls `fields.reject()` when the entry is malformed. */
	toEvent(fields: EntryFields): WebhookEvent;
}

interface RequestDetails {
	method: string;
	contentType?: string;
	rawBody?: Buffer;
}

/** One entry as an event, or as an `invalid` item naming the entry and the field at fault. */
function readEntry(
	node: INode,
	source: WebhookSource,
	entry: unknown,
	index: number,
): WebhookEvent | InvalidEntryEvent {
	if (!isPlainObject(entry)) {
		return invalidEntryEvent(source.provider, `Entry ${index} is ${kindOf(entry)}, not an object`, entry);
	}
	try {
		return source.toEvent(new EntryFields(entry, index));
	} catch (error) {
		if (error instanceof EntryRejection) return invalidEntryEvent(source.provider, error.message, entry);
		throw new NodeOperationError(node, error as Error);
	}
}

/**
 * Handles one call for either trigger: authenticate (401), read the call (400 or 413 for one
 * that cannot be read at all or is oversized, before anything runs), map every entry (an entry
 * that cannot be read becomes an `invalid` item, so one bad report never costs the others),
 * keep the chosen event types, and start one execution with one item per event, in order.
 */
export function runWebhook(this: IWebhookFunctions, source: WebhookSource): IWebhookResponseData {
	const settings = readAuthenticationSettings(this);
	const request = this.getRequestObject() as RequestDetails;
	const response = this.getResponseObject() as WebhookResponse;
	const query = this.getQueryData() as IDataObject;

	if (!isAuthorised(settings, { query, headers: this.getHeaderData() })) {
		return answerUnauthorised(response, settings);
	}

	let events: Array<WebhookEvent | InvalidEntryEvent>;
	try {
		const entries = readEntries(
			{
				method: request.method,
				contentType: request.contentType,
				query,
				body: this.getBodyData(),
				rawBody: request.rawBody,
			},
			secretQueryParameter(settings),
		);
		events = entries.map((entry, index) => readEntry(this.getNode(), source, entry, index));
	} catch (error) {
		if (error instanceof RequestRejection) return answer(response, error.statusCode, error.message);
		throw new NodeOperationError(this.getNode(), error as Error);
	}

	// `invalid` items are never filtered out: they are reports the workflow has not seen yet.
	const wanted = new Set<string>([...(this.getNodeParameter('events') as string[]), 'invalid']);
	const keywords = optOutKeywords(this.getNodeParameter('optOutKeywords', ''));
	const chosen = events
		.filter((event) => wanted.has(event.event))
		.map((event) => markOptOut(event, keywords));
	// Acknowledged either way, so the gateway does not retry reports the user chose to ignore.
	if (chosen.length === 0) return { webhookResponse: ACCEPTED_BODY };
	return { workflowData: [this.helpers.returnJsonArray(chosen)] };
}
