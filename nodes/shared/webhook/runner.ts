import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	answerUnauthorised,
	isAuthorised,
	readAuthenticationSettings,
	secretQueryParameter,
} from './authentication';
import { EntryFields } from './entryFields';
import type { WebhookEvent, WebhookEventType } from './event';
import { markOptOut, optOutKeywords } from './optOut';
import { RequestRejection } from './rejection';
import { readEntries } from './request';
import { ACCEPTED_BODY, answer, type WebhookResponse } from './response';

/** What a gateway contributes to the shared webhook: the events it reports and its mapping. */
export interface WebhookSource {
	events: readonly WebhookEventType[];
	/** Maps one entry to an event; calls `fields.reject()` when the entry is malformed. */
	toEvent(fields: EntryFields): WebhookEvent;
}

interface RequestDetails {
	method: string;
	contentType?: string;
	rawBody?: Buffer;
}

/**
 * Handles one call for either trigger: authenticate (401), read and map every entry (400 or
 * 413 for a malformed or oversized call, before anything runs), keep the chosen event types,
 * and start one execution with one item per event, in the order they came.
 */
export function runWebhook(this: IWebhookFunctions, source: WebhookSource): IWebhookResponseData {
	const settings = readAuthenticationSettings(this);
	const request = this.getRequestObject() as RequestDetails;
	const response = this.getResponseObject() as WebhookResponse;
	const query = this.getQueryData() as IDataObject;

	if (!isAuthorised(settings, { query, headers: this.getHeaderData() })) {
		return answerUnauthorised(response, settings);
	}

	let events: WebhookEvent[];
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
		events = entries.map((entry, index) => source.toEvent(new EntryFields(entry, index + 1)));
	} catch (error) {
		if (error instanceof RequestRejection) return answer(response, error.statusCode, error.message);
		throw new NodeOperationError(this.getNode(), error as Error);
	}

	const wanted = new Set(this.getNodeParameter('events') as string[]);
	const keywords = optOutKeywords(this.getNodeParameter('optOutKeywords', ''));
	const chosen = events
		.filter((event) => wanted.has(event.event))
		.map((event) => markOptOut(event, keywords));
	// Acknowledged either way, so the gateway does not retry reports the user chose to ignore.
	if (chosen.length === 0) return { webhookResponse: ACCEPTED_BODY };
	return { workflowData: [this.helpers.returnJsonArray(chosen)] };
}
