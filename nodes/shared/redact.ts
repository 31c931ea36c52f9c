import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** What a secret is replaced with wherever a gateway's words reach output, errors or messages. */
export const REDACTED = '[redacted]';

/** The credential fields that hold secrets: client secret, current bearer token, application token. */
const SECRET_FIELDS = ['clientSecret', 'accessToken', 'applicationToken'] as const;

/** Shorter values would blank out ordinary words; a secret that short protects nothing anyway. */
const MIN_SECRET_LENGTH = 4;

/** Beyond this a gateway's echo is cut short rather than walked (it never is this deep). */
const MAX_DEPTH = 32;

/**
 * Every form in which a gateway may echo a secret: as sent, URL-encoded (a form body or query)
 * and JSON-escaped. Longest first, so a longer form is replaced before a part of it.
 */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	const forms = new Set<string>();
	for (const field of SECRET_FIELDS) {
		const value = credentials?.[field];
		if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
		forms.add(value);
		forms.add(encodeURIComponent(value));
		forms.add(new URLSearchParams({ value }).toString().slice('value='.length));
		forms.add(JSON.stringify(value).slice(1, -1));
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** The text with every secret replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
	}
	return redacted;
}

function redactDeep(value: unknown, secrets: readonly string[], depth: number): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (typeof value !== 'object' || value === null) return value;
	if (depth >= MAX_DEPTH) return REDACTED;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets, depth + 1));
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		copy[redactText(key, secrets)] = redactDeep(entry, secrets, depth + 1);
	}
	return copy;
}

function mentionsSecret(value: unknown, secrets: readonly string[]): boolean {
	if (secrets.length === 0 || value === undefined || value === null) return false;
	let text: string;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value);
	} catch {
		return true;
	}
	return secrets.some((secret) => text.includes(secret));
}

/**
 * A gateway's answer (a body, an error's data) with every secret replaced, as a copy; the
 * value itself when it holds none, so answers without an echo cost one scan.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	return mentionsSecret(value, secrets) ? (redactDeep(value, secrets, 0) as T) : value;
}

interface CredentialReader {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}

/**
 * The secrets of the node's credential as they are now (after a token renewal, the new token).
 * Read when a gateway's answer is in hand; without a credential there is nothing to hide.
 */
export async function credentialSecrets(this: CredentialReader, credentialType: string): Promise<string[]> {
	try {
		return secretsOf(await this.getCredentials(credentialType));
	} catch {
		return [];
	}
}

/**
 * An error n8n built from a gateway's answer (its message, description, messages, the answer
 * kept as `context.data` or `errorResponse`), with every secret replaced in place, so it keeps
 * its class and fields for n8n. Returned for rethrowing.
 */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
	if (!(error instanceof Error) || secrets.length === 0) return error;
	const fields = error as Error & {
		description?: unknown;
		messages?: unknown;
		context?: unknown;
		errorResponse?: unknown;
	};
	fields.message = redactText(fields.message, secrets);
	for (const key of ['description', 'messages', 'context', 'errorResponse'] as const) {
		if (fields[key] !== undefined && fields[key] !== null) fields[key] = redactValue(fields[key], secrets);
	}
	return error;
}
