import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { DeliveryError, type DeliveryFailure, type GatewayError } from './deliveryFailure';
import { itemInputError } from './invalidInput';
import { requestWithRetry } from './request';
import type { TextMeasure } from './segments';
import {
	failedResult,
	requestFailure,
	sendResult,
	type RecipientBasis,
	type RecipientFailure,
	type RecipientResult,
} from './sendResult';
import type { SendRun, SettledSlot } from './sendRun';

/** A validated recipient, ready to be merged into a request with others of its group. */
export interface PreparedRecipient {
	itemIndex: number;
	to: string;
	externalId: string | number | null;
	scheduledAt: string | null;
	measure: TextMeasure;
	/** This recipient's part of the request (a list entry, or the whole body for single sends). */
	entry: IDataObject;
	/** Recipients whose request-level fields are equal share requests. */
	groupKey: string;
	/** The request-level fields of the group (text, sender, schedule…). */
	shared: IDataObject;
}

/**
 * What the gateway answered for one recipient; `code` and `reason` are its own, when refused.
 * `to` is the recipient's number as the answer gives it, in E.164, when it gives one; `extra` holds
 * fields the answer gives about the whole request (a cost summary, say), added to the result.
 */
export type RecipientOutcome = { to?: string; extra?: IDataObject } & (
	| { accepted: true; messageId: string | number; status: string; raw: IDataObject }
	| { accepted: false; message: string; code: string | number; reason: string; raw: IDataObject }
);

export interface BatchedSend {
	provider: string;
	credentialType: string;
	/** See GatewayRequest.renewsToken. */
	renewsToken: boolean;
	batchSize: number;
	dryRun: boolean;
	/** Validates item `itemIndex`; throws InvalidInputError for bad input. */
	prepare: (itemIndex: number) => PreparedRecipient;
	/** The request for one batch; `listKey` names the body field that holds the entries. */
	buildRequest: (shared: IDataObject, entries: IDataObject[]) => IHttpRequestOptions;
	listKey?: string;
	/** Maps the gateway's answer to one outcome per recipient, in order; throws DeliveryError when unreadable. */
	readResponse: (body: unknown, recipients: Array<PreparedRecipient>) => RecipientOutcome[];
	readError: (body: unknown, httpCode: number) => GatewayError;
	/** Tells the user how to find out what happened to a recipient whose send outcome is unknown. */
	howToCheck: (recipient: PreparedRecipient) => string;
}

interface Batch {
	number: number;
	recipients: Array<PreparedRecipient>;
}

/** How much item work may run between two event-loop turns while a request is in flight. */
const IO_TURN_EVERY_MS = 10;

function itemRange(recipients: Array<PreparedRecipient>): string {
	const first = recipients[0].itemIndex;
	const last = recipients[recipients.length - 1].itemIndex;
	return recipients.length === 1 ? `item ${first}` : `${recipients.length} recipients (items ${first}–${last})`;
}

const slotOf = (recipient: PreparedRecipient) => `item ${recipient.itemIndex}`;

/**
 * One answer entry as the recipient's result: accepted with its message ID, or refused with the
 * gateway's code and reason. `subject` names the item ("Item 4"); `description` says what a
 * refusal means for the other recipients.
 */
export function answeredResult(
	provider: string,
	recipient: RecipientBasis,
	itemIndex: number,
	outcome: RecipientOutcome,
	{ subject, description }: { subject: string; description: string },
): RecipientResult {
	if (outcome.to) recipient = { ...recipient, to: outcome.to };
	if (outcome.accepted) {
		const { messageId, status, raw, extra } = outcome;
		return { itemIndex, json: sendResult(provider, recipient, { messageId, status, accepted: true, raw, ...extra }) };
	}
	const failure: RecipientFailure = {
		status: 'refused',
		code: outcome.code,
		reason: outcome.reason,
		message: `${subject}: ${outcome.message}`,
		description,
	};
	return { itemIndex, json: { ...failedResult(provider, recipient, failure, outcome.raw), ...outcome.extra }, failure };
}

/**
 * The send pipeline both gateways use: bad items fail alone and are never sent; the rest are
 * merged into as few requests as the batch size allows, sent one after another, and each answer
 * entry is mapped back to the item it came from. Recipients an earlier try of this run settled
 * are taken from the run's record, not sent again.
 */
export async function executeBatchedSend(
	this: IExecuteFunctions,
	send: BatchedSend,
	run: SendRun,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const itemCount = this.getInputData().length;
	const output: INodeExecutionData[] = new Array(itemCount);
	const toItemError = (itemIndex: number, error: unknown) =>
		itemInputError(node, itemIndex, error, 'Nothing was sent for this item.');
	const place = (slots: SettledSlot[]) => {
		const items = run.settle(slots);
		slots.forEach((slot, position) => {
			output[slot.results[0].itemIndex] = items[position];
		});
	};

	let batchCount = 0;
	const sendBatch = async (recipients: PreparedRecipient[]): Promise<void> => {
		const batch: Batch = { number: ++batchCount, recipients };
		const request = send.buildRequest(batch.recipients[0].shared, batch.recipients.map((r) => r.entry));
		if (send.dryRun) {
			batch.recipients.forEach((recipient, position) => {
				output[recipient.itemIndex] = {
					json: {
						...sendResult(send.provider, recipient, { status: 'dryRun' }),
						request: dryRunRequest(request, send.listKey, batch, position, recipient.entry),
					},
					pairedItem: { item: recipient.itemIndex },
				};
			});
			return;
		}

		const answer = await requestWithRetry.call(this, {
			provider: send.provider,
			credentialType: send.credentialType,
			options: request,
			readError: send.readError,
			renewsToken: send.renewsToken,
		});
		const outcomes = answer.ok ? readOutcomes(node, send, answer.response.body, batch.recipients) : answer.failure;
		if (!Array.isArray(outcomes)) {
			const failure = outcomes;
			place(
				batch.recipients.map((recipient) => {
					const details = requestFailure(failure, send.provider, {
						subject: `Item ${recipient.itemIndex}`,
						carried: itemRange(batch.recipients),
						howToCheck: send.howToCheck(recipient),
					});
					return {
						slot: slotOf(recipient),
						to: recipient.to,
						results: [
							{ itemIndex: recipient.itemIndex, json: failedResult(send.provider, recipient, details), failure: details },
						],
						remember: failure.kind === 'outcomeUnknown',
					};
				}),
			);
			return;
		}

		place(
			batch.recipients.map((recipient, position): SettledSlot => {
				const result = answeredResult(send.provider, recipient, recipient.itemIndex, outcomes[position], {
					subject: `Item ${recipient.itemIndex}`,
					description: `${send.provider} did not accept the message for ${recipient.to}; nothing was sent to this recipient. The other recipients of the same request are not affected.`,
				});
				return { slot: slotOf(recipient), to: recipient.to, results: [result], remember: true };
			}),
		);
	};

	// One request in flight at a time, like a plain client; the next batch is read meanwhile. Its
	// failure is kept (not left unhandled) and raised at the next hand-over.
	let inFlight: Promise<void> = Promise.resolve();
	let sending = false;
	let stopped: unknown;
	const handOver = async (): Promise<void> => {
		await inFlight;
		if (stopped) throw stopped;
	};
	const dispatch = async (recipients: PreparedRecipient[]): Promise<void> => {
		await handOver();
		sending = true;
		inFlight = sendBatch(recipients)
			.catch((error: unknown) => {
				stopped = error;
			})
			.finally(() => {
				sending = false;
			});
	};
	// Reading items is synchronous work; while a request travels, give the event loop a turn now
	// and then so its socket is written and its answer read, instead of waiting for the batch.
	let lastTurn = Date.now();
	const letRequestProgress = async (): Promise<void> => {
		if (!sending || Date.now() - lastTurn < IO_TURN_EVERY_MS) return;
		await sleep(0);
		lastTurn = Date.now();
	};

	const batchSize = Math.max(1, send.batchSize);
	const open = new Map<string, PreparedRecipient[]>();
	const collect = async (recipient: PreparedRecipient): Promise<void> => {
		const settled = send.dryRun ? undefined : run.recall(slotOf(recipient), recipient.to);
		if (settled) {
			// Settled by an earlier try of this run: its result stands, nothing is sent again.
			await handOver();
			place([{ slot: slotOf(recipient), to: recipient.to, results: settled, remember: false }]);
			return;
		}
		const group = open.get(recipient.groupKey) ?? [];
		group.push(recipient);
		if (group.length < batchSize) {
			open.set(recipient.groupKey, group);
			return;
		}
		open.delete(recipient.groupKey);
		await dispatch(group);
	};

	if (continueOnFail) {
		// Bad items become error items, so full batches go out while later items are still read:
		// n8n's per-item expression work overlaps with the gateway's round trips.
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			let recipient: PreparedRecipient | undefined;
			try {
				recipient = send.prepare(itemIndex);
			} catch (error) {
				output[itemIndex] = run.invalid(itemIndex, toItemError(itemIndex, error));
			}
			if (recipient) await collect(recipient);
			await letRequestProgress();
		}
	} else {
		// Every item is validated before the first request: a bad item stops the node, nothing sent.
		const recipients: PreparedRecipient[] = [];
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			try {
				recipients.push(send.prepare(itemIndex));
			} catch (error) {
				throw toItemError(itemIndex, error);
			}
		}
		for (const recipient of recipients) await collect(recipient);
	}
	for (const group of open.values()) await dispatch(group);
	await handOver();
	return output;
}

/** The gateway-specific reading of an answer; an unreadable answer becomes a failure of the batch. */
function readOutcomes(
	node: INode,
	send: BatchedSend,
	body: unknown,
	recipients: PreparedRecipient[],
): RecipientOutcome[] | DeliveryFailure {
	try {
		return send.readResponse(body, recipients);
	} catch (error) {
		if (error instanceof DeliveryError) return error.failure;
		throw new NodeOperationError(node, error as Error);
	}
}

function dryRunRequest(
	request: IHttpRequestOptions,
	listKey: string | undefined,
	batch: Batch,
	position: number,
	entry: IDataObject,
): IDataObject {
	const body = { ...(request.body as IDataObject) };
	if (listKey) delete body[listKey];
	return {
		method: request.method ?? 'GET',
		url: request.url,
		batch: batch.number,
		positionInBatch: position + 1,
		recipientsInBatch: batch.recipients.length,
		body,
		...(listKey ? { entry } : {}),
	};
}
