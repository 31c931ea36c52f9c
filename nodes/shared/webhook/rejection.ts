/**
 * A request the trigger refuses as a whole (unreadable, too deep or oversized body). The runner
 * answers it with its status code and message, and starts no execution.
 */
export class RequestRejection extends Error {
	constructor(
		readonly statusCode: 400 | 413,
		message: string,
	) {
		super(message);
		this.name = 'RequestRejection';
	}
}

/**
 * One entry of a call that cannot be read as an event. The rest of the call still counts: the
 * entry becomes an `invalid` item with this reason, so nothing the gateway sent is lost.
 */
export class EntryRejection extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EntryRejection';
	}
}
