import { createHash } from 'node:crypto';

/**
 * How long a finished exchange still answers for the tokens it replaced. n8n stores a new token
 * only after preAuthentication returns, so for a moment other executions in this process still
 * read the old (or empty) token and ask for a renewal of their own; this covers that moment.
 */
const REMEMBER_MS = 60_000;

interface Renewal {
	token: Promise<string>;
	/** The token this exchange issued, once it answered. */
	issued?: string;
	answeredAt?: number;
	/** Digests of the tokens it supersedes: the one it replaced and those its predecessors did. */
	supersedes: Set<string>;
}

/** The latest exchange per credential in this process. */
const latest = new Map<string, Renewal>();

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** Identifies a credential without keeping its secret: client ID, base URL and the secret's digest. */
export function credentialKey(parts: { clientId: unknown; baseUrl: unknown; secret: unknown }): string {
	return digest(`${String(parts.clientId)}\n${String(parts.baseUrl)}\n${digest(String(parts.secret))}`);
}

function isFresh(renewal: Renewal): boolean {
	return renewal.answeredAt === undefined || Date.now() - renewal.answeredAt < REMEMBER_MS;
}

/**
 * One token exchange per credential and expiry in this process. A caller joins the exchange in
 * flight; after it answered, a caller still holding a token it replaced (or no token) gets its
 * token. Only a caller whose token is the newest known (the gateway refused it) or unknown here
 * starts a new exchange, so a refused new token is renewed, never handed out again.
 */
export async function renewToken(
	key: string,
	currentToken: unknown,
	exchange: () => Promise<string>,
): Promise<string> {
	const current = typeof currentToken === 'string' ? currentToken : '';
	const previous = latest.get(key);
	const known = previous && isFresh(previous) ? previous : undefined;
	if (known && (known.answeredAt === undefined || current === '' || known.supersedes.has(digest(current)))) {
		return await known.token;
	}

	const supersedes = new Set([digest(current)]);
	if (known) {
		for (const old of known.supersedes) supersedes.add(old);
		if (known.issued !== undefined) supersedes.add(digest(known.issued));
	}
	const renewal: Renewal = { token: exchange(), supersedes };
	latest.set(key, renewal);
	renewal.token.then(
		(issued) => {
			renewal.issued = issued;
			renewal.answeredAt = Date.now();
		},
		() => {
			// A failed exchange issued nothing: the next caller tries again, and what the last good
			// exchange replaced is still answered with its token.
			if (latest.get(key) !== renewal) return;
			if (known) latest.set(key, known);
			else latest.delete(key);
		},
	);
	return await renewal.token;
}
