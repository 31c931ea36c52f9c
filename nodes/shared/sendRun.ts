import type { IExecuteFunctions, INode, INodeExecutionData, JsonObject, NodeOperationError } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { openSendRecord, type SendRecord } from './sendLedger';
import { errorItem, type RecipientFailure, type RecipientResult } from './sendResult';

/** Recipients settled together: one slot (an item, or the groups-and-admins request) each. */
export interface SettledSlot {
	slot: string;
	to: string;
	results: RecipientResult[];
	/** Kept for a re-run of the node: accepted, refused by the gateway, or of unknown outcome. */
	remember: boolean;
}

const STATUS_WORDS: Record<RecipientFailure['status'], string> = {
	invalid: 'invalid input',
	refused: 'refused',
	notSent: 'not sent',
	unknown: 'outcome unknown, never resent',
};

const count = (value: number) => value.toLocaleString('en-US');

/**
 * One run of a send operation. It keeps the promise every send makes: once a recipient was
 * accepted the node no longer stops (the accepted IDs would be lost and a re-run would message
 * them again), so later failures become items with `accepted: false`; and a re-run of the node in
 * the same execution takes each settled recipient from the record instead of sending again.
 */
export class SendRun {
	private readonly node: INode;

	private readonly continueOnFail: boolean;

	/** On Error: Continue (using error output): failed items carry the error that routes them there. */
	private readonly toErrorOutput: boolean;

	private readonly record: SendRecord;

	private accepted = 0;

	private readonly acceptedBefore: number;

	private settled = 0;

	private readonly failed: Record<RecipientFailure['status'], number> = {
		invalid: 0,
		refused: 0,
		notSent: 0,
		unknown: 0,
	};

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly provider: string,
	) {
		this.node = context.getNode();
		this.continueOnFail = context.continueOnFail();
		this.toErrorOutput = this.node.onError === 'continueErrorOutput';
		// n8n runs a node again within its run only with Retry On Fail; without it, nothing to keep.
		const executionId = this.node.retryOnFail ? context.getExecutionId() : undefined;
		const runIndex = context.getInputData().length ? context.getWorkflowDataProxy(0).$runIndex : 0;
		this.record = openSendRecord(executionId ? `${executionId}\n${this.node.name}\n${runIndex}` : null);
		// Accepted by an earlier try: stopping now would lose them as surely as in that try.
		this.acceptedBefore = this.record.acceptedBefore;
	}

	/** What an earlier try of this run settled for this slot and recipient, if anything. */
	recall(slot: string, to: string): RecipientResult[] | undefined {
		return this.record.recall(slot, to);
	}

	/**
	 * Records the slots, then turns their results into output items, in order. Stops the node with
	 * the first failure only while nothing has been accepted: then nothing is lost by stopping.
	 */
	settle(slots: SettledSlot[]): INodeExecutionData[] {
		const results: RecipientResult[] = [];
		for (const slot of slots) {
			if (slot.remember) this.record.remember(slot.slot, slot.to, slot.results);
			results.push(...slot.results);
		}
		this.settled += results.length;
		this.accepted += results.filter((result) => !result.failure).length;
		const firstFailure = results.find((result) => result.failure);
		if (firstFailure && !this.continueOnFail && this.accepted + this.acceptedBefore === 0) {
			throw this.apiError(firstFailure);
		}
		return results.map((result) => {
			const { failure, json, itemIndex } = result;
			if (!failure) return { json, pairedItem: { item: itemIndex } };
			this.failed[failure.status]++;
			// n8n reduces an item that carries an error to its message; elsewhere all fields stay.
			if (this.toErrorOutput) return errorItem(this.apiError(result), itemIndex);
			return { json, pairedItem: { item: itemIndex } };
		});
	}

	/** An item whose input is bad, with On Error: Continue (without it, the node stops before sending). */
	invalid(itemIndex: number, error: NodeOperationError): INodeExecutionData {
		this.settled++;
		this.failed.invalid++;
		if (this.toErrorOutput) return errorItem(error, itemIndex);
		const json = {
			provider: this.provider,
			accepted: false,
			status: 'invalid',
			errorCode: 'invalidInput',
			errorReason: error.description ?? error.message,
			error: error.message,
		};
		return { json, pairedItem: { item: itemIndex } };
	}

	/**
	 * Ends the run: a notice in the editor when recipients failed, and the record is dropped
	 * unless n8n may run the node again (Retry On Fail does after an error in the first item).
	 */
	finish(output: INodeExecutionData[]): void {
		const failures = Object.values(this.failed).reduce((sum, value) => sum + value, 0);
		if (failures > 0) {
			const kinds = (Object.keys(this.failed) as Array<RecipientFailure['status']>)
				.filter((status) => this.failed[status] > 0)
				.map((status) => `${count(this.failed[status])} ${STATUS_WORDS[status]}`)
				.join(', ');
			const where = this.toErrorOutput ? 'the error output' : 'the items with accepted = false';
			this.context.addExecutionHints({
				message: `${count(failures)} of ${count(this.settled)} recipients were not sent (${kinds}) — see ${where}`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		if (output[0]?.json.error === undefined) this.record.close();
	}

	private apiError({ failure, itemIndex, json }: RecipientResult): NodeApiError {
		const details = failure as RecipientFailure;
		const response = (json.raw ?? { message: details.reason }) as JsonObject;
		return new NodeApiError(this.node, response, {
			message: details.message,
			description: details.description,
			itemIndex,
			httpCode: details.status === 'refused' && details.httpCode ? String(details.httpCode) : undefined,
		});
	}
}
