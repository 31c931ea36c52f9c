import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { TOKEN_REQUEST_FAILED, type DeliveryFailure, type GatewayError } from './deliveryFailure';
import { credentialSecrets, redactText, redactValue } from './redact';

/** 429 handling: up to 6 retries, waiting Retry-After or 0.5 s doubling, never more than 30 s. */
const RATE_LIMIT_RETRIES = 6;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** Connection errors that happen before a request leaves this machine. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

/** Words for connection errors; n8n replaces a message that carries a raw code with a generic one. */
const CONNECTION_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	ERR_INVALID_URL: 'the Base URL is not a valid URL',
	ECONNRESET: 'the connection was reset',
	ECONNABORTED: 'no answer came within the timeout',
	ETIMEDOUT: 'no answer came within the timeout',
	ESOCKETTIMEDOUT: 'no answer came within the timeout',
	EPIPE: 'the connection broke while sending',
};

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoffMs(attempt: number): number {
	return Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

export interface GatewayRequest {
	provider: string;
	credentialType: string;
	options: IHttpRequestOptions;
	/** Reads the gateway's error body: a sentence for the user, its code and its reason. */
	readError: (body: unknown, httpCode: number) => GatewayError;
	/** The credential gets a token n8n can renew on a 401 (its preAuthentication). */
	renewsToken: boolean;
}

interface Attempt {
	failure: DeliveryFailure;
	/** The gateway asked us to wait this long (Retry-After). */
	retryAfter?: number;
}

function fromStatus(status: number, body: unknown, headers: IDataObject, request: GatewayRequest): Attempt {
	const { provider } = request;
	if (status === 429) {
		return {
			failure: {
				kind: 'rateLimited',
				message: `${provider} kept answering 429 Too Many Requests`,
				code: 429,
				httpCode: 429,
			},
			retryAfter: retryAfterMs(headers['retry-after']),
		};
	}
	if (status >= 500) {
		const message = `${provider} answered HTTP ${status} to the send request`;
		return { failure: { kind: 'outcomeUnknown', message, code: status, httpCode: status } };
	}
	if (status >= 300 && status < 400) {
		// The gateway may have stored the messages before redirecting; a send never follows, so
		// neither the messages nor the credentials go to another address.
		const message = `${provider} answered the send request with a redirect (HTTP ${status}), which is not followed`;
		return { failure: { kind: 'outcomeUnknown', message, code: status, httpCode: status } };
	}
	const { message, code, reason } = request.readError(body, status);
	return { failure: { kind: 'rejected', message, code, reason, httpCode: status } };
}

/**
 * A thrown error: the token exchange failed, the connection failed, or (on the token-refresh
 * path, where n8n throws for every status) an HTTP error that n8n wrapped. Anything else may have
 * happened after the request left, so its outcome counts as unknown.
 */
function fromThrown(error: unknown, request: GatewayRequest): Attempt {
	const { provider } = request;
	const tokenFailure = (error as { context?: IDataObject }).context?.[TOKEN_REQUEST_FAILED];
	if (typeof tokenFailure === 'string' || typeof tokenFailure === 'number') {
		return { failure: { kind: 'notSent', message: (error as Error).message, code: tokenFailure } };
	}
	const httpCode = error instanceof NodeApiError ? error.httpCode : undefined;
	if (!httpCode) {
		const message = `The send request to ${provider} failed: ${(error as Error).message}`;
		return { failure: { kind: 'outcomeUnknown', message, code: 'requestFailed' } };
	}
	if (/^\d{3}$/.test(httpCode)) {
		return fromStatus(Number(httpCode), (error as NodeApiError).context.data, {}, request);
	}
	const reason = CONNECTION_FAILURES[httpCode] ?? 'the connection failed';
	if (NEVER_SENT_CODES.has(httpCode)) {
		return { failure: { kind: 'notSent', message: `Could not connect to ${provider}: ${reason}`, code: httpCode } };
	}
	const message = `The connection to ${provider} failed before an answer arrived: ${reason}`;
	return { failure: { kind: 'outcomeUnknown', message, code: httpCode } };
}

/** Only a 429 is retried: it means the messages were not accepted. */
function retryDelay(attempt: Attempt, count: number): number | undefined {
	const { failure, retryAfter } = attempt;
	if (failure.kind !== 'rateLimited' || count >= RATE_LIMIT_RETRIES) return undefined;
	if (retryAfter !== undefined && retryAfter > MAX_DELAY_MS) return undefined;
	return retryAfter ?? backoffMs(count);
}

export type GatewayAnswer =
	| { ok: true; response: IN8nHttpFullResponse }
	| { ok: false; failure: DeliveryFailure };

/**
 * One authenticated send request with the package's retry rules: 429 waits (Retry-After, else
 * capped exponential backoff) and tries again; a request that may have reached the gateway (5xx,
 * timeout, dropped connection, redirect) is never repeated. Every failure comes back as `failure`.
 */
export async function requestWithRetry(
	this: IExecuteFunctions,
	request: GatewayRequest,
): Promise<GatewayAnswer> {
	// Statuses come back as responses so Retry-After stays readable. A 401 was not accepted: that
	// one request is repeated with statuses thrown, which is how n8n refreshes the token.
	let statusesThrown = false;
	for (let count = 0; ; count++) {
		const options: IHttpRequestOptions = {
			...request.options,
			headers: { ...request.options.headers },
			body: cloneBody(request.options.body),
			returnFullResponse: true,
			ignoreHttpStatusErrors: !statusesThrown,
			disableFollowRedirect: true,
		};
		let attempt: Attempt | undefined;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				request.credentialType,
				options,
			)) as IN8nHttpFullResponse;
			if (response.statusCode === 401 && request.renewsToken && !statusesThrown) {
				statusesThrown = true;
				continue;
			}
			statusesThrown = false;
			// Some gateways echo the request (token, application token) in their answers.
			const secrets = await credentialSecrets.call(this, request.credentialType);
			const body = redactValue(response.body, secrets);
			if (response.statusCode < 300) return { ok: true, response: { ...response, body } };
			attempt = fromStatus(response.statusCode, body, response.headers as IDataObject, request);
		} catch (error) {
			attempt = fromThrown(error, request);
			const secrets = await credentialSecrets.call(this, request.credentialType);
			attempt.failure.message = redactText(attempt.failure.message, secrets);
			if (attempt.failure.reason !== undefined) {
				attempt.failure.reason = redactText(attempt.failure.reason, secrets);
			}
		}
		const delay = retryDelay(attempt, count);
		if (delay === undefined) return { ok: false, failure: attempt.failure };
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
