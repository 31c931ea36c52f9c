import type { IDataObject, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { DeliveryFailure } from './deliveryFailure';
import type { TextMeasure } from './segments';

/** One output item per recipient, the same shape for every send operation of both gateways. */
export interface SendResult extends IDataObject {
	provider: string;
	messageId: string | number | null;
	externalId: string | number | null;
	to: string;
	status: string;
	accepted: boolean;
	scheduledAt: string | null;
	encoding: TextMeasure['encoding'];
	characters: number;
	segments: number;
	raw: IDataObject | null;
	/** Only on recipients that were not accepted: the gateway's code, its reason, and a sentence. */
	errorCode?: string | number | null;
	errorReason?: string;
	error?: string;
}

/**
 * Why a recipient was not accepted, as its `status` says:
 * - `invalid`: its input is bad; nothing was sent.
 * - `refused`: the gateway refused it, or refused its whole request.
 * - `notSent`: the request never reached the gateway, or 429 outlasted the retries.
 * - `unknown`: the gateway may have accepted it; it is never resent.
 */
export interface RecipientFailure {
	status: 'invalid' | 'refused' | 'notSent' | 'unknown';
	code: string | number | null;
	reason: string;
	/** The sentence shown to the user, naming the item. */
	message: string;
	description: string;
	httpCode?: number;
}

const STATUS_OF: Record<DeliveryFailure['kind'], RecipientFailure['status']> = {
	rejected: 'refused',
	rateLimited: 'notSent',
	notSent: 'notSent',
	outcomeUnknown: 'unknown',
};

/**
 * How a recipient ended when its whole request failed. `subject` names the item ("Item 4"),
 * `carried` what the request held, `howToCheck` how to find out whether an unknown one went out.
 */
export function requestFailure(
	failure: DeliveryFailure,
	provider: string,
	{ subject, carried, howToCheck }: { subject: string; carried: string; howToCheck: string },
): RecipientFailure {
	const unknown = failure.kind === 'outcomeUnknown';
	return {
		status: STATUS_OF[failure.kind],
		code: failure.code,
		reason: failure.reason ?? failure.message,
		message: unknown
			? `${subject}: outcome unknown: ${failure.message}. It was not resent, to avoid a double message. ${howToCheck}`
			: `${subject}: ${failure.message}`,
		description: unknown
			? `The request carried ${carried} and may have been accepted by ${provider}.`
			: `Nothing was sent for ${carried}.`,
		httpCode: failure.httpCode,
	};
}

/** How one recipient of a send ended: its output JSON, and why it failed when it did. */
export interface RecipientResult {
	itemIndex: number;
	json: SendResult;
	failure?: RecipientFailure;
}

/** What a result says about the recipient before the gateway answers. */
export interface RecipientBasis {
	to: string;
	externalId: string | number | null;
	scheduledAt: string | null;
	measure: TextMeasure;
}

export function sendResult(provider: string, recipient: RecipientBasis, fields: Partial<SendResult>): SendResult {
	return {
		provider,
		messageId: null,
		externalId: recipient.externalId,
		to: recipient.to,
		status: 'pending',
		accepted: false,
		scheduledAt: recipient.scheduledAt,
		encoding: recipient.measure.encoding,
		characters: recipient.measure.characters,
		segments: recipient.measure.segments,
		raw: null,
		...fields,
	};
}

/** The JSON of a recipient that was not accepted. */
export function failedResult(
	provider: string,
	recipient: RecipientBasis,
	failure: RecipientFailure,
	raw: IDataObject | null = null,
): SendResult {
	return sendResult(provider, recipient, {
		status: failure.status,
		raw,
		errorCode: failure.code,
		errorReason: failure.reason,
		error: failure.message,
	});
}

/** n8n's error item: `error` on the item routes it to the node's error output. */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
