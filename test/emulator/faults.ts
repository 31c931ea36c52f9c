/** A fault the emulator injects into the next matching requests, to prove the nodes cope. */
export interface Fault {
	/** Which requests it hits; all when omitted. `path` matches the URL path (string: exact). */
	match?: { method?: string; path?: string | RegExp };
	/** How many matching requests it hits (default 1). */
	times?: number;
	/** How many matching requests it lets through first (default 0). */
	skip?: number;
	/** Answer with this status and body instead of the real handler. */
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Wait this long before answering (a slow gateway). */
	delayMs?: number;
	/** Close the connection without answering. */
	reset?: boolean;
	/** Let the real handler process the request (messages get stored) and only then fail. */
	afterHandling?: boolean;
	/**
	 * An echoing gateway: answer `status` (default 400) with an error body that repeats the
	 * request — headers (the bearer token), query and body (client secret, application token) —
	 * as some gateways do in their error bodies. Nothing is stored.
	 */
	echo?: boolean;
}

/** The error body of an echoing gateway, readable as an error by both gateways' parsers. */
export function echoBody(
	request: { method: string; path: string; headers: unknown; query: unknown; rawBody: string },
	status: number,
): Record<string, unknown> {
	const authorization = (request.headers as Record<string, unknown>).authorization;
	const echoed = `${request.method} ${request.path} Authorization: ${String(authorization)} Body: ${request.rawBody}`;
	return {
		type: 'echoed_request',
		code: status,
		error: `Bad request: ${echoed}`,
		message: `Bad request: ${echoed}`,
		detail: echoed,
		request: { headers: request.headers, query: request.query, body: request.rawBody },
	};
}

export class FaultQueue {
	private readonly pending: Array<Fault & { remaining: number; toSkip: number }> = [];

	add(fault: Fault): void {
		this.pending.push({ ...fault, remaining: fault.times ?? 1, toSkip: fault.skip ?? 0 });
	}

	clear(): void {
		this.pending.length = 0;
	}

	/** The fault for this request, if any, counting it as used. */
	take(method: string, path: string): Fault | undefined {
		const index = this.pending.findIndex(({ match }) => {
			if (match?.method && match.method !== method) return false;
			if (match?.path instanceof RegExp) return match.path.test(path);
			return match?.path === undefined || match.path === path;
		});
		if (index === -1) return undefined;
		const fault = this.pending[index];
		if (fault.toSkip > 0) {
			fault.toSkip -= 1;
			return undefined;
		}
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.pending.splice(index, 1);
		return fault;
	}
}
