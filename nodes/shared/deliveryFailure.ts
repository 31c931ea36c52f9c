import { ExecutionBaseError } from 'n8n-workflow';

/**
 * Why a request to a gateway did not give us an answer we can use. The distinction that matters
 * is whether the gateway may have accepted the messages: then they must never be sent again.
 * - `rejected`: the gateway refused the whole request (4xx or an error body); nothing was sent.
 * - `rateLimited`: 429 until the retries ran out; nothing was sent.
 * - `notSent`: the request never reached the gateway (connection refused, token not issued).
 * - `outcomeUnknown`: the request may have been accepted (5xx, timeout, redirect, unreadable answer).
 */
export interface DeliveryFailure {
	kind: 'rejected' | 'rateLimited' | 'outcomeUnknown' | 'notSent';
	/** One sentence for the user. */
	message: string;
	/** The gateway's error code or type, else the HTTP status or connection error code. */
	code: string | number;
	/** The gateway's own words, when it gave any. */
	reason?: string;
	httpCode?: number;
}

/** A request-level error as a gateway states it. */
export interface GatewayError {
	message: string;
	code: string | number;
	reason: string;
}

export class DeliveryError extends Error {
	constructor(readonly failure: DeliveryFailure) {
		super(failure.message);
		this.name = 'DeliveryError';
	}
}

/**
 * The token exchange failed, so the send it was for never left. Thrown by a credential's
 * preAuthentication. n8n wraps it in a NodeApiError that keeps only its message and `context`,
 * so the code travels in the context, where the send pipeline finds it.
 */
export class TokenRequestError extends ExecutionBaseError {
	constructor(message: string, code: string | number) {
		super(message);
		this.name = 'TokenRequestError';
		this.context[TOKEN_REQUEST_FAILED] = code;
	}
}

/** The context key that marks a token request failure, with its code as the value. */
export const TOKEN_REQUEST_FAILED = 'tokenRequestFailed';
