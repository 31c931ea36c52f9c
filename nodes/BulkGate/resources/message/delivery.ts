import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { executeBatchedSend, type BatchedSend } from '../../../shared/batchSend';
import type { TextMeasure } from '../../../shared/segments';
import { credentialBaseUrl } from '../../../shared/credentialBaseUrl';
import type { SendOptions } from '../../../shared/options';
import type { SendRun } from '../../../shared/sendRun';
import { CREDENTIAL_TYPE, ENDPOINTS, PROVIDER, readError } from '../../transport';
import { readAnswer, readPromotionalAnswer } from './answer';

export type SendKind = 'transactional' | 'promotional';

/** One item's message, split into its own part and the request-level fields it shares with others. */
export interface PreparedMessage {
	to: string;
	entry: IDataObject;
	shared: IDataObject;
	scheduledAt: string | null;
	measure: TextMeasure;
}

export function howToCheck(to: string): string {
	return `Look for the message to ${to} in the BulkGate Portal's message history, or wait for its delivery report (BulkGate Trigger), before sending again; with its message ID from there, Message → Get Delivery Status shows its state.`;
}

/**
 * Runs a BulkGate send through the shared pipeline. Transactional sends one request per item;
 * promotional merges items whose request-level fields are equal into `number: [...]` lists.
 */
export async function sendMessages(
	this: IExecuteFunctions,
	kind: SendKind,
	options: SendOptions,
	prepare: (itemIndex: number) => PreparedMessage,
	run: SendRun,
): Promise<INodeExecutionData[]> {
	const baseURL = options.dryRun ? '' : await credentialBaseUrl.call(this, CREDENTIAL_TYPE);
	const single = kind === 'transactional';
	const definition: BatchedSend = {
		provider: PROVIDER,
		credentialType: CREDENTIAL_TYPE,
		renewsToken: false,
		batchSize: single ? 1 : options.batchSize,
		dryRun: options.dryRun,
		listKey: single ? undefined : 'number',
		prepare: (itemIndex) => {
			const message = prepare(itemIndex);
			return {
				itemIndex,
				to: message.to,
				externalId: null,
				scheduledAt: message.scheduledAt,
				measure: message.measure,
				entry: message.entry,
				shared: message.shared,
				groupKey: single ? String(itemIndex) : JSON.stringify(message.shared),
			};
		},
		buildRequest: (shared, entries): IHttpRequestOptions => ({
			method: 'POST',
			baseURL,
			url: ENDPOINTS[kind],
			body: single ? entries[0] : { number: entries, ...shared },
			json: true,
			timeout: options.timeout,
		}),
		readResponse: single ? readAnswer : readPromotionalAnswer,
		readError,
		howToCheck: (recipient) => howToCheck(recipient.to),
	};
	return await executeBatchedSend.call(this, definition, run);
}
