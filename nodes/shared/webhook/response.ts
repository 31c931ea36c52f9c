import type { IWebhookResponseData } from 'n8n-workflow';

/** The part of n8n's (express) response object the triggers use to answer a call themselves. */
export interface WebhookResponse {
	status(code: number): unknown;
	setHeader(name: string, value: string): unknown;
	end(body: string): unknown;
}

/** Body of every accepted call, whether or not it starts an execution. */
export const ACCEPTED_BODY = 'OK';

/**
 * Answers the call directly with a short plain-text body and tells n8n not to answer again
 * and not to start an execution.
 */
export function answer(
	response: WebhookResponse,
	statusCode: number,
	body: string,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	response.status(statusCode);
	response.setHeader('Content-Type', 'text/plain; charset=utf-8');
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.end(body);
	return { noWebhookResponse: true };
}
