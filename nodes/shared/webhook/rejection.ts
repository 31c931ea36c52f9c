/**
 * A request the trigger refuses (malformed or oversized body). The runner answers it with its
 * status code and message, and starts no execution; it never reaches the workflow as an error.
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
