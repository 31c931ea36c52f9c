import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { DeliveryFailure } from './deliveryFailure';

/** Sends may have been accepted when they fail this way, so they are never repeated. */
export type RequestKind = 'send' | 'read';

export interface RetryPolicy {
	/** How many times a 429 answer is retried before giving up. */
	rateLimitRetries: number;
	/** How many times a read is retried after a 5xx or a network failure. */
	readRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	rateLimitRetries: 6,
	readRetries: 2,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/** Connection errors that happen before a request leaves this machine. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

interface HttpFailureShape {
	isAxiosError?: boolean;
	code?: string;
	message?: string;
	response?: { status: number; headers?: Record<string, unknown>; data?: unknown };
}

/** n8n wraps transport errors in NodeApiError; the axios error underneath has what we need. */
function httpFailureOf(error: unknown): HttpFailureShape | undefined {
	let current = error as { cause?: unknown } & HttpFailureShape;
	for (let depth = 0; current && depth < 4; depth++) {
		if (current.isAxiosError || current.response) return current;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoffMs(attempt: number, policy: RetryPolicy): number {
	return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

export interface GatewayRequest {
	provider: string;
	credentialType: string;
	kind: RequestKind;
	options: IHttpRequestOptions;
	/** Turns the gateway's error body into a sentence for the user. */
	describeError: (body: unknown, httpCode: number) => string;
	policy?: RetryPolicy;
}

function classify(error: unknown, request: GatewayRequest): DeliveryFailure | undefined {
	const http = httpFailureOf(error);
	if (!http) return undefined;
	const { provider, kind } = request;
	const response = http.response;
	if (response) {
		const { status } = response;
		if (status === 429) {
			return { kind: 'rateLimited', message: `${provider} kept answering 429 Too Many Requests` };
		}
		if (status >= 500 && kind === 'send') {
			return {
				kind: 'outcomeUnknown',
				message: `${provider} answered HTTP ${status} to the send request`,
			};
		}
		return {
			kind: 'rejected',
			httpCode: status,
			message: request.describeError(response.data, status),
			body: response.data,
		};
	}
	const code = http.code ?? 'network error';
	if (NEVER_SENT_CODES.has(code)) {
		return { kind: 'notSent', message: `Could not connect to ${provider} (${code})` };
	}
	return {
		kind: kind === 'send' ? 'outcomeUnknown' : 'notSent',
		message: `The connection to ${provider} failed before an answer arrived (${code})`,
	};
}

function retryDelay(
	error: unknown,
	failure: DeliveryFailure,
	attempt: number,
	request: GatewayRequest,
	policy: RetryPolicy,
): number | undefined {
	if (failure.kind === 'rateLimited') {
		if (attempt >= policy.rateLimitRetries) return undefined;
		const headers = httpFailureOf(error)?.response?.headers ?? {};
		const asked = retryAfterMs(headers['retry-after']);
		if (asked !== undefined && asked > policy.maxDelayMs) return undefined;
		return asked ?? backoffMs(attempt, policy);
	}
	const transient = failure.kind === 'notSent' || (failure.kind === 'rejected' && failure.httpCode >= 500);
	if (request.kind === 'read' && transient && attempt < policy.readRetries) {
		return backoffMs(attempt, policy);
	}
	return undefined;
}

export type GatewayAnswer =
	| { ok: true; response: IN8nHttpFullResponse }
	| { ok: false; failure: DeliveryFailure };

/**
 * One authenticated request with the package's retry rules: 429 waits (Retry-After, else capped
 * exponential backoff) and tries again; reads also retry 5xx and network failures; a send that
 * may have reached the gateway is never repeated. Expected failures come back as `failure`.
 */
export async function requestWithRetry(
	this: IExecuteFunctions,
	request: GatewayRequest,
): Promise<GatewayAnswer> {
	const policy = request.policy ?? DEFAULT_RETRY_POLICY;
	for (let attempt = 0; ; attempt++) {
		const options: IHttpRequestOptions = {
			...request.options,
			headers: { ...request.options.headers },
			body: cloneBody(request.options.body),
			returnFullResponse: true,
		};
		let failure: DeliveryFailure | undefined;
		let delay: number | undefined;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				request.credentialType,
				options,
			)) as IN8nHttpFullResponse;
			return { ok: true, response };
		} catch (error) {
			failure = classify(error, request);
			if (!failure) throw new NodeApiError(this.getNode(), error as JsonObject);
			delay = retryDelay(error, failure, attempt, request, policy);
		}
		if (delay === undefined) return { ok: false, failure };
		await sleep(delay);
	}
}

/** Authentication may add fields to the body; keep the caller's copy free of secrets. */
function cloneBody(body: IHttpRequestOptions['body']): IHttpRequestOptions['body'] {
	if (body && typeof body === 'object' && !Array.isArray(body) && !(body instanceof URLSearchParams)) {
		return { ...(body as IDataObject) };
	}
	return body;
}
