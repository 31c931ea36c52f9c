import type { IDataObject } from 'n8n-workflow';
import { RequestRejection } from './rejection';

/** Far above any real report batch, low enough that a runaway body is refused cleanly. */
export const MAX_ENTRIES = 50_000;

/**
 * Reports are two or three levels deep. n8n copies and saves items recursively, and fails on
 * bodies nested thousands of levels deep after the execution started, so those never start one.
 */
export const MAX_DEPTH = 64;

/** What the runner takes from n8n's request: the body is as n8n's body parser left it. */
export interface IncomingCall {
	method: string;
	/** Media type without parameters, as n8n reads it from the Content-Type header. */
	contentType?: string;
	query: IDataObject;
	body: unknown;
	rawBody?: Buffer;
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The query without the secret, however its name is capitalised and however often it came. */
function withoutParameter(query: IDataObject, parameter: string | undefined): IDataObject {
	if (parameter === undefined) return { ...query };
	const secret = parameter.toLowerCase();
	return Object.fromEntries(Object.entries(query).filter(([name]) => name.toLowerCase() !== secret));
}

/** Walks the value without recursion, so the check itself cannot overflow the stack. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
	const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		if (next.depth > limit) return true;
		for (const child of Object.values(next.value as object)) {
			if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: next.depth + 1 });
		}
	}
	return false;
}

function refuseDeepNesting(payload: unknown): void {
	if (typeof payload === 'object' && payload !== null && nestedDeeperThan(payload, MAX_DEPTH)) {
		throw new RequestRejection(400, `The body is nested more than ${MAX_DEPTH} levels deep.`);
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		// JSON.parse never yields undefined, so it marks "not JSON" for the caller to refuse.
		return undefined;
	}
}

/**
 * The body as a JSON value. n8n parses JSON and form bodies itself; a text/plain body arrives
 * as a string and a body without a known content type only as raw bytes, so those are parsed here.
 */
function bodyPayload(call: IncomingCall): unknown {
	const { body, rawBody } = call;
	if (call.contentType === 'application/json' && body !== undefined) return body;
	const bytesArrived = rawBody !== undefined && rawBody.length > 0;
	// An empty object can be a framework's stand-in for "no body": trust it only if bytes came.
	const standIn = isPlainObject(body) && Object.keys(body).length === 0 && !bytesArrived;
	if (body !== undefined && body !== null && typeof body !== 'string' && !standIn) return body;

	const text = typeof body === 'string' ? body : (rawBody?.toString('utf8') ?? '');
	if (text.trim() === '') throw new RequestRejection(400, 'The body is empty.');
	const parsed = parseJson(text);
	if (parsed === undefined) throw new RequestRejection(400, 'The body is not valid JSON.');
	return parsed;
}

/**
 * Splits a call into entries, one per report or message: the query of a GET (without the
 * secret token), or the body of a POST as one object or an array. Entries are checked one by
 * one later; only a call that cannot be read at all is refused here.
 */
export function readEntries(call: IncomingCall, secretParameter?: string): unknown[] {
	if (call.method === 'GET') {
		const query = withoutParameter(call.query, secretParameter);
		if (Object.keys(query).length === 0) {
			throw new RequestRejection(400, 'The call carries no report: its query string is empty.');
		}
		refuseDeepNesting(query);
		return [query];
	}

	const payload = bodyPayload(call);
	if (isPlainObject(payload)) {
		refuseDeepNesting(payload);
		return [payload];
	}
	if (!Array.isArray(payload)) {
		throw new RequestRejection(400, 'The body must be a JSON object or an array of objects.');
	}
	if (payload.length > MAX_ENTRIES) {
		throw new RequestRejection(
			413,
			`The body has ${payload.length} entries; at most ${MAX_ENTRIES} are accepted per call.`,
		);
	}
	refuseDeepNesting(payload);
	return payload;
}
