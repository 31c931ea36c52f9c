/**
 * Why a request to a gateway did not give us an answer we can use. The distinction that matters
 * is whether the gateway may have accepted the messages: then they must never be sent again.
 */
export type DeliveryFailure =
	| { kind: 'rejected'; httpCode: number; message: string; body: unknown }
	| { kind: 'rateLimited'; message: string }
	| { kind: 'outcomeUnknown'; message: string }
	| { kind: 'notSent'; message: string };

export class DeliveryError extends Error {
	constructor(readonly failure: DeliveryFailure) {
		super(failure.message);
		this.name = 'DeliveryError';
	}
}
