import type { INodeParameters, INodeType } from 'n8n-workflow';
import { startWebhookServer, type WebhookServer } from './harness';

export interface Reply {
	status: number;
	text: string;
	headers: Headers;
}

async function send(url: string, init: RequestInit): Promise<Reply> {
	const response = await fetch(url, init);
	return { status: response.status, text: await response.text(), headers: response.headers };
}

export function withQuery(url: string, query: Record<string, string>): string {
	const target = new URL(url);
	for (const [name, value] of Object.entries(query)) target.searchParams.append(name, value);
	return target.toString();
}

export async function get(
	url: string,
	query: Record<string, string> = {},
	headers: Record<string, string> = {},
): Promise<Reply> {
	return await send(withQuery(url, query), { method: 'GET', headers });
}

export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<Reply> {
	return await send(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
}

export async function postForm(url: string, fields: Record<string, string>): Promise<Reply> {
	return await send(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
}

/** A body sent exactly as given, with the given content type (or none). */
export async function postText(url: string, body: string, contentType?: string): Promise<Reply> {
	return await send(url, {
		method: 'POST',
		headers: contentType === undefined ? {} : { 'Content-Type': contentType },
		body,
	});
}

const open: WebhookServer[] = [];

/**
 * Starts the trigger behind a real HTTP server, with exactly the parameters a saved workflow
 * stores (n8n fills in the defaults of the others); it is closed after the test.
 */
export async function openTriggerAsSaved(
	nodeType: INodeType,
	parameters: INodeParameters,
): Promise<WebhookServer> {
	const server = await startWebhookServer(nodeType, parameters);
	open.push(server);
	return server;
}

/**
 * The trigger with Authentication None unless the test chooses one: tests of what a call
 * becomes need no secret in every call. authentication.test.ts covers the default.
 */
export async function openTrigger(
	nodeType: INodeType,
	parameters: INodeParameters = {},
): Promise<WebhookServer> {
	return await openTriggerAsSaved(nodeType, { authentication: 'none', ...parameters });
}

afterEach(async () => {
	await Promise.all(open.splice(0).map(async (server) => await server.close()));
});
