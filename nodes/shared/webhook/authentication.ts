import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { answer, type WebhookResponse } from './response';

export type AuthenticationMode = 'basicAuth' | 'headerSecret' | 'none' | 'queryToken';

export type AuthenticationSettings =
	| { mode: 'none' }
	| { mode: 'queryToken'; parameterName: string; token: string }
	| { mode: 'headerSecret'; headerName: string; secret: string }
	| { mode: 'basicAuth'; user: string; password: string };

/** What authentication looks at in a call. */
export interface CallCredentials {
	query: IDataObject;
	headers: Record<string, string | string[] | undefined>;
}

type ParameterReader = Pick<IWebhookFunctions, 'getNode' | 'getNodeParameter'>;

/**
 * Reads the Authentication option and its fields. An empty secret is a configuration error,
 * never "no check": it is refused at activation and on every call.
 */
export function readAuthenticationSettings(context: ParameterReader): AuthenticationSettings {
	const mode = context.getNodeParameter('authentication') as AuthenticationMode;
	const required = (parameter: string, label: string): string => {
		const value = context.getNodeParameter(parameter, '') as string;
		if (value.trim() === '') {
			throw new NodeOperationError(
				context.getNode(),
				`${label} is empty: fill it in or set Authentication to None`,
			);
		}
		return value;
	};

	const settings = readSettings(context, mode, required);
	refuseUnmatchable(context, settings);
	return settings;
}

/** Printable ASCII: what a header value carries unchanged from any sender. */
const HEADER_TEXT = /^[\x20-\x7e]*$/;

/**
 * Refuses secrets no call could ever match, so activation fails with the reason instead of
 * every call getting 401: HTTP strips spaces around header values and carries ASCII in them,
 * and Basic Auth splits user and password at the first colon.
 */
function refuseUnmatchable(context: ParameterReader, settings: AuthenticationSettings): void {
	const refuse = (message: string) => {
		throw new NodeOperationError(context.getNode(), message);
	};
	if (settings.mode === 'headerSecret') {
		if (settings.secret.trim() !== settings.secret) {
			refuse(
				'Secret starts or ends with a space, which HTTP drops from header values, so no call could match: remove the spaces',
			);
		}
		if (!HEADER_TEXT.test(settings.secret)) {
			refuse(
				'Secret has a character outside printable ASCII (such as an accented letter or emoji), which header values cannot carry, so no call could match: use letters, digits and ASCII punctuation',
			);
		}
	}
	if (settings.mode === 'basicAuth' && settings.user.includes(':')) {
		refuse(
			'User contains ":", which Basic Auth uses to separate user and password, so no call could match: choose a user without a colon (the password may contain one)',
		);
	}
}

function readSettings(
	context: ParameterReader,
	mode: AuthenticationMode,
	required: (parameter: string, label: string) => string,
): AuthenticationSettings {
	switch (mode) {
		case 'none':
			return { mode };
		case 'queryToken':
			return {
				mode,
				parameterName: required('queryParameterName', 'Token Parameter Name').trim(),
				token: required('queryToken', 'Token'),
			};
		case 'headerSecret':
			return {
				mode,
				headerName: required('headerName', 'Header Name').trim(),
				secret: required('headerSecret', 'Secret'),
			};
		case 'basicAuth':
			return {
				mode,
				user: required('basicAuthUser', 'User'),
				password: required('basicAuthPassword', 'Password'),
			};
		default:
			throw new NodeOperationError(context.getNode(), `Unknown authentication "${String(mode)}"`);
	}
}

/** Compares digests so that both sides have equal length and the time taken reveals nothing. */
function matchesSecret(given: unknown, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	const received = typeof given === 'string' ? given : '';
	return timingSafeEqual(digest(received), digest(expected)) && typeof given === 'string';
}

function basicAuthPair(header: unknown): { user: string; password: string } | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^Basic\s+(\S+)\s*$/i.exec(header);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const separator = decoded.indexOf(':');
	if (separator < 0) return undefined;
	return { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

export function isAuthorised(settings: AuthenticationSettings, call: CallCredentials): boolean {
	switch (settings.mode) {
		case 'none':
			return true;
		case 'queryToken':
			return matchesSecret(call.query[settings.parameterName], settings.token);
		case 'headerSecret':
			return matchesSecret(call.headers[settings.headerName.toLowerCase()], settings.secret);
		case 'basicAuth': {
			const pair = basicAuthPair(call.headers.authorization);
			// Both halves are always compared, so a right user name takes no longer to refuse.
			const userMatches = matchesSecret(pair?.user, settings.user);
			const passwordMatches = matchesSecret(pair?.password, settings.password);
			return userMatches && passwordMatches;
		}
	}
}

export function answerUnauthorised(
	response: WebhookResponse,
	settings: AuthenticationSettings,
): IWebhookResponseData {
	const headers: Record<string, string> =
		settings.mode === 'basicAuth' ? { 'WWW-Authenticate': 'Basic realm="Webhook"' } : {};
	return answer(response, 401, 'Unauthorized', headers);
}

/** The query parameter that carries the secret, so it can be left out of emitted data. */
export function secretQueryParameter(settings: AuthenticationSettings): string | undefined {
	return settings.mode === 'queryToken' ? settings.parameterName : undefined;
}
