import type { IDataObject } from 'n8n-workflow';
import { RequestRejection } from './rejection';

/** Far above any real report batch, low enough that a runaway body is refused cleanly. */
export const MAX_ENTRIES = 50_000;

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

function withoutParameter(query: IDataObject, parameter: string | undefined): IDataObject {
	const copy = { ...query };
	if (parameter !== undefined) delete copy[parameter];
	return copy;
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
 * secret token), or the body of a POST as one object or an array of objects.
 */
export function readEntries(call: IncomingCall, secretParameter?: string): IDataObject[] {
	if (call.method === 'GET') return [withoutParameter(call.query, secretParameter)];

	const payload = bodyPayload(call);
	if (isPlainObject(payload)) return [payload];
	if (!Array.isArray(payload)) {
		throw new RequestRejection(400, 'The body must be a JSON object or an array of objects.');
	}
	if (payload.length > MAX_ENTRIES) {
		throw new RequestRejection(
			413,
			`The body has ${payload.length} entries; at most ${MAX_ENTRIES} are accepted per call.`,
		);
	}
	const notObject = payload.findIndex((entry) => !isPlainObject(entry));
	if (notObject >= 0) throw new RequestRejection(400, `Entry ${notObject + 1} is not an object.`);
	return payload as IDataObject[];
}
