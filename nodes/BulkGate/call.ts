import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialBaseUrl';
import { itemInputError } from '../shared/invalidInput';
import { isObject } from '../shared/json';
import { requestWithRetry } from '../shared/request';
import { CREDENTIAL_TYPE, PROVIDER, errorOf, readError } from './transport';

/** How long a BulkGate call (not a send) may take before it counts as failed. */
const CALL_TIMEOUT_MS = 60_000;

export type CallAnswer =
	| { ok: true; data: unknown }
	| { ok: false; message: string; type?: string; httpCode?: number };

/**
 * One call to BulkGate that is not a send (blacklist, lookups). 429 waits and tries again, as for
 * sends (the answer means nothing was done); anything else is reported, never repeated. BulkGate's
 * error bodies, with any status, become one sentence with its type and what to do.
 */
export async function callBulkGate(
	this: IExecuteFunctions,
	url: string,
	body: IDataObject,
): Promise<CallAnswer> {
	const baseURL = await credentialBaseUrl.call(this, CREDENTIAL_TYPE);
	const answer = await requestWithRetry.call(this, {
		provider: PROVIDER,
		credentialType: CREDENTIAL_TYPE,
		options: {
			method: 'POST',
			baseURL,
			url,
			body,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: CALL_TIMEOUT_MS,
		},
		readError,
		renewsToken: false,
	});
	if (!answer.ok) {
		const { failure } = answer;
		if (failure.kind === 'rejected') {
			return { ok: false, message: failure.message, type: String(failure.code), httpCode: failure.httpCode };
		}
		if (failure.kind === 'rateLimited') {
			return {
				ok: false,
				message: `${failure.message}. Nothing was done; run the node again in a minute.`,
				httpCode: 429,
			};
		}
		return { ok: false, message: failure.message.replace(/the send request/g, 'the request'), httpCode: failure.httpCode };
	}
	const { body: answerBody, statusCode } = answer.response;
	const error = errorOf(answerBody);
	if (error || !isObject(answerBody) || answerBody.data === undefined || answerBody.data === null) {
		const { message, code } = readError(answerBody, statusCode);
		return { ok: false, message, type: error ? String(code) : undefined, httpCode: statusCode };
	}
	return { ok: true, data: answerBody.data };
}

/** The error an item gets for a failed call: its index, BulkGate's words and what to do. */
export function callError(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex });
}

/**
 * Reads every item first, so bad input stops the node before anything is sent (with On Error:
 * Continue only that item fails, naming its field); then calls BulkGate once per item. A failed
 * call stops the node, or with On Error: Continue becomes that item's `{ error }`.
 */
export async function perItem<T>(
	context: IExecuteFunctions,
	notDone: string,
	read: (itemIndex: number) => T,
	call: (input: T, itemIndex: number) => Promise<IDataObject>,
): Promise<INodeExecutionData[][]> {
	const inputs = readItems(context, notDone, read);
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, input] of inputs.entries()) {
		let json: IDataObject;
		if (input instanceof NodeOperationError) {
			json = { error: input.message };
		} else {
			try {
				json = await call(input, itemIndex);
			} catch (error) {
				const failure =
					error instanceof NodeOperationError
						? error
						: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
				if (!context.continueOnFail()) throw failure;
				json = { error: failure.message };
			}
		}
		output.push({ json, pairedItem: { item: itemIndex } });
	}
	return [output];
}

/** Every item read, or its input error (only with On Error: Continue; else the first one is thrown). */
export function readItems<T>(
	context: IExecuteFunctions,
	notDone: string,
	read: (itemIndex: number) => T,
): Array<T | NodeOperationError> {
	return context.getInputData().map((_item, itemIndex) => {
		try {
			return read(itemIndex);
		} catch (error) {
			const failure = itemInputError(context.getNode(), itemIndex, error, notDone);
			if (!context.continueOnFail()) throw failure;
			return failure;
		}
	});
}

export interface BatchedLookup<T> {
	notDone: string;
	batchSize: number;
	read: (itemIndex: number) => T;
	/** Items of different groups never share a request (e.g. numbers of different countries). */
	groupOf?: (input: T) => string;
	call: (inputs: T[]) => Promise<CallAnswer>;
	/** This item's output from the answer's `data`; throws when the answer says nothing about it. */
	answerFor: (input: T, data: unknown) => IDataObject;
}

/**
 * A lookup BulkGate answers for many items per request: every item is read first (bad input is
 * never sent), items go in requests of up to `batchSize`, and each item gets its own answer,
 * in the input's order. A failed request fails its items (or stops the node).
 */
export async function lookUpInBatches<T>(
	context: IExecuteFunctions,
	lookup: BatchedLookup<T>,
): Promise<INodeExecutionData[][]> {
	const inputs = readItems(context, lookup.notDone, lookup.read);
	const output: INodeExecutionData[] = inputs.map((input, itemIndex) => ({
		json: input instanceof NodeOperationError ? { error: input.message } : {},
		pairedItem: { item: itemIndex },
	}));
	const groups = new Map<string, Array<{ input: T; itemIndex: number }>>();
	inputs.forEach((input, itemIndex) => {
		if (input instanceof NodeOperationError) return;
		const group = lookup.groupOf?.(input) ?? '';
		groups.set(group, [...(groups.get(group) ?? []), { input, itemIndex }]);
	});
	for (const pending of groups.values()) {
		for (let start = 0; start < pending.length; start += lookup.batchSize) {
			const batch = pending.slice(start, start + lookup.batchSize);
			const answer = await lookup.call(batch.map(({ input }) => input));
			for (const { input, itemIndex } of batch) {
				let failure: NodeOperationError | undefined;
				if (answer.ok) {
					try {
						output[itemIndex].json = lookup.answerFor(input, answer.data);
					} catch (error) {
						failure = callError.call(context, itemIndex, (error as Error).message);
					}
				} else {
					failure = callError.call(context, itemIndex, answer.message);
				}
				if (failure && !context.continueOnFail()) throw failure;
				if (failure) output[itemIndex].json = { error: failure.message };
			}
		}
	}
	return [output];
}
