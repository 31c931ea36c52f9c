import type { IWebhookDescription } from 'n8n-workflow';
import { ACCEPTED_BODY } from './response';

/**
 * The one webhook both triggers register. BulkGate sends single reports as GET and bulk ones
 * as POST to the same URL; n8n splits the evaluated method list on commas and registers each.
 * Without responseData n8n 2.x would answer with the literal text "firstEntryJson".
 */
export const webhookEndpoint: IWebhookDescription = {
	name: 'default',
	httpMethod: '={{ "GET,POST" }}',
	responseMode: 'onReceived',
	responseData: ACCEPTED_BODY,
	path: 'webhook',
};
