import type { IDataObject, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';
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

/** n8n's error item: `{error}` in the JSON is what routes it to the node's error output. */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
