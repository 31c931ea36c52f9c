import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { answeredResult, type RecipientOutcome } from '../../../shared/batchSend';
import { DeliveryError, type DeliveryFailure } from '../../../shared/deliveryFailure';
import { InvalidInputError, itemInputError } from '../../../shared/invalidInput';
import { requestWithRetry } from '../../../shared/request';
import type { TextMeasure } from '../../../shared/segments';
import {
	failedResult,
	requestFailure,
	sendResult,
	type RecipientResult,
	type SendResult,
} from '../../../shared/sendResult';
import type { SendRun } from '../../../shared/sendRun';
import { credentialBaseUrl } from '../../../shared/credentialBaseUrl';
import type { SendOptions } from '../../../shared/options';
import { CREDENTIAL_TYPE, ENDPOINTS, PROVIDER, readError } from '../../transport';
import { entryOutcome, responseEntries } from './answer';
import { howToCheck } from './delivery';
import { readMessageInput } from './messageInput';
import { readIds } from './recipientIds';

/**
 * Address-book groups and notification admins are expanded by BulkGate, so nobody knows their
 * numbers before the answer. They go in one request of their own, once per execution, read from
 * the first item; each recipient in the answer becomes an output item paired with that item.
 */
const ITEM = 0;
const WHO = 'groups and admins';

interface GroupRequest {
	body: IDataObject;
	label: string;
	scheduledAt: string | null;
	measure: TextMeasure;
}

export type GroupSend = { ok: true; request: GroupRequest } | { ok: false; item: INodeExecutionData };

function readRequest(this: IExecuteFunctions, requestFields: IDataObject): GroupRequest {
	const groups = readIds(this.getNodeParameter('groupIds', ITEM, ''), 'Group IDs');
	const admins = readIds(this.getNodeParameter('adminIds', ITEM, ''), 'Admin IDs');
	if (groups.length === 0 && admins.length === 0) {
		throw new InvalidInputError(
			'Group IDs',
			'Group IDs and Admin IDs are both empty',
			'Enter at least one address-book group ID or admin ID, or take "Address Book Groups and Admins" out of Send To.',
		);
	}
	const message = readMessageInput.call(this, ITEM, {
		name: 'groupText',
		displayName: 'Text for Groups and Admins',
		withVariables: false,
	});
	const body: IDataObject = {};
	if (groups.length) body.groups = groups;
	if (admins.length) body.admins = admins;
	Object.assign(body, { text: message.text }, message.settings, requestFields);
	const label = [
		groups.length ? `groups ${groups.join(', ')}` : '',
		admins.length ? `admins ${admins.join(', ')}` : '',
	]
		.filter(Boolean)
		.join(' and ');
	return { body, label, scheduledAt: message.scheduledAt, measure: message.measure };
}

/** Validates the groups-and-admins request before anything is sent; `requestFields` are added to its body. */
export function prepareGroupSend(this: IExecuteFunctions, requestFields: IDataObject, run: SendRun): GroupSend {
	try {
		return { ok: true, request: readRequest.call(this, requestFields) };
	} catch (error) {
		const failure = itemInputError(this.getNode(), ITEM, error, `Nothing was sent to the ${WHO}.`);
		if (!this.continueOnFail()) throw failure;
		return { ok: false, item: run.invalid(ITEM, failure) };
	}
}

function result(request: GroupRequest, fields: Partial<SendResult>): SendResult {
	return sendResult(PROVIDER, { ...request, to: request.label, externalId: null }, fields);
}

function recipientResult(request: GroupRequest, outcome: RecipientOutcome): RecipientResult {
	const to = outcome.to ?? request.label;
	return answeredResult(PROVIDER, { ...request, to, externalId: null }, ITEM, outcome, {
		subject: `Item ${ITEM} (${WHO})`,
		description: `${PROVIDER} did not accept the message for ${to} from ${request.label}; nothing was sent to this recipient. The other recipients are not affected.`,
	});
}

/**
 * Sends the groups-and-admins request (never twice, also not when n8n runs the node again) and
 * returns one item per recipient BulkGate reports, accepted ones first.
 */
export async function executeGroupSend(
	this: IExecuteFunctions,
	send: GroupSend,
	options: SendOptions,
	run: SendRun,
): Promise<INodeExecutionData[]> {
	if (!send.ok) return [send.item];
	const { request } = send;
	const http: IHttpRequestOptions = {
		method: 'POST',
		baseURL: options.dryRun ? '' : await credentialBaseUrl.call(this, CREDENTIAL_TYPE),
		url: ENDPOINTS.promotional,
		body: request.body,
		json: true,
		timeout: options.timeout,
	};
	if (options.dryRun) {
		const shown = { method: 'POST', url: http.url, body: request.body };
		return [{ json: { ...result(request, { status: 'dryRun' }), request: shown }, pairedItem: { item: ITEM } }];
	}
	const settled = run.recall(WHO, request.label);
	if (settled) return run.settle([{ slot: WHO, to: request.label, results: settled, remember: false }]);

	const answer = await requestWithRetry.call(this, {
		provider: PROVIDER,
		credentialType: CREDENTIAL_TYPE,
		options: http,
		readError,
		renewsToken: false,
	});
	let failure: DeliveryFailure | undefined = answer.ok ? undefined : answer.failure;
	let outcomes: RecipientOutcome[] = [];
	if (answer.ok) {
		try {
			outcomes = responseEntries(answer.response.body).map(entryOutcome);
		} catch (error) {
			if (!(error instanceof DeliveryError)) throw new NodeOperationError(this.getNode(), error as Error);
			failure = error.failure;
		}
	}
	if (failure) {
		const details = requestFailure(failure, PROVIDER, {
			subject: `Item ${ITEM} (${WHO})`,
			carried: request.label,
			howToCheck: howToCheck(request.label),
		});
		const json = failedResult(PROVIDER, { ...request, to: request.label, externalId: null }, details);
		const results = [{ itemIndex: ITEM, json, failure: details }];
		return run.settle([{ slot: WHO, to: request.label, results, remember: failure.kind === 'outcomeUnknown' }]);
	}
	const results = outcomes.map((outcome) => recipientResult(request, outcome));
	results.sort((a, b) => Number(Boolean(a.failure)) - Number(Boolean(b.failure)));
	return run.settle([{ slot: WHO, to: request.label, results, remember: true }]);
}
