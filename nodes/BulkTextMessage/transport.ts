import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { DeliveryError, type GatewayError } from '../shared/deliveryFailure';
import { itemInputError } from '../shared/invalidInput';
import { isObject } from '../shared/json';
import { toE164 } from '../shared/phone';
import { readOutput } from './readOutput';

export const PROVIDER = 'BulkTextMessage';
export const CREDENTIAL_TYPE = 'bulkTextMessageApi';

/** BulkTextMessage documents no error format; read the usual message fields, else say what came back. */
export function readError(body: unknown, httpCode: number): GatewayError {
	if (isObject(body)) {
		const parts = [body.message, body.error_description, body.error, body.errors]
			.filter((part) => part !== undefined && part !== null && part !== '')
			.map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
		if (parts.length) {
			const reason = parts.join(' – ');
			return { message: `${PROVIDER} refused the request (HTTP ${httpCode}): ${reason}`, code: httpCode, reason };
		}
	}
	let message = `${PROVIDER} answered HTTP ${httpCode}: ${String(body).slice(0, 200)}`;
	if (typeof body === 'string' && body.trim().startsWith('<')) {
		message = `${PROVIDER} answered HTTP ${httpCode} with an HTML page instead of JSON`;
	} else if (body === undefined || body === null || body === '') {
		message = `${PROVIDER} answered HTTP ${httpCode} with an empty body`;
	}
	return { message, code: httpCode, reason: message };
}

export function describeError(body: unknown, httpCode: number): string {
	return readError(body, httpCode).message;
}

/** The `{"result":"ok", …}` envelope; anything else means the gateway did not do what was asked. */
export function okEnvelope(body: unknown): IDataObject | undefined {
	return isObject(body) && body.result === 'ok' ? body : undefined;
}

/** Reads the `ids` answer of the bulk endpoints: one id per list entry, -1 where that entry failed. */
export function readIds(body: unknown, expected: number): number[] {
	const envelope = okEnvelope(body);
	if (!envelope) {
		if (isObject(body)) {
			throw new DeliveryError({ kind: 'rejected', httpCode: 200, ...readError(body, 200) });
		}
		throw new DeliveryError({
			kind: 'outcomeUnknown',
			message: `${PROVIDER} accepted the request but its answer was not readable JSON`,
			code: 'unreadableAnswer',
		});
	}
	const ids = envelope.ids;
	if (!Array.isArray(ids) || ids.length !== expected || !ids.every((id) => Number.isInteger(id))) {
		throw new DeliveryError({
			kind: 'outcomeUnknown',
			message: `${PROVIDER} answered without one id per recipient (${expected} sent)`,
			code: 'unreadableAnswer',
		});
	}
	return ids as number[];
}

/** The resource a read runs for, which decides its output (readOutput.ts). */
function resourceOf(context: IExecuteSingleFunctions): string {
	return context.getNodeParameter('resource', '') as string;
}

/** postReceive for single reads: checks the envelope and returns `data` as the resource's item. */
export async function unwrapData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const envelope = okEnvelope(response.body);
	if (!envelope || !isObject(envelope.data)) {
		throw new NodeApiError(this.getNode(), (isObject(response.body) ? response.body : {}) as JsonObject, {
			message: describeError(response.body, response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	return [{ json: readOutput(resourceOf(this), envelope.data) }];
}

interface PageMeta {
	current_page?: number;
	total_pages?: number;
}

/**
 * Lists are 15 per page, chosen with `?page=N`. Pages are walked by number up to `total_pages`
 * (the documented `links.next` may point at another host), stopping early at the Limit.
 */
export async function paginateByPage(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
	const resource = resourceOf(this);
	const results: INodeExecutionData[] = [];
	for (let page = 1; results.length < limit; page++) {
		const [first] = await this.makeRoutingRequest({
			...requestData,
			options: { ...requestData.options, qs: { ...requestData.options.qs, page } },
		});
		const envelope = okEnvelope(first?.json);
		if (!envelope || !Array.isArray(envelope.data)) {
			throw new NodeApiError(this.getNode(), (first?.json ?? {}) as JsonObject, {
				message: describeError(first?.json, 200),
				itemIndex: this.getItemIndex(),
			});
		}
		for (const entry of envelope.data as IDataObject[]) {
			if (results.length >= limit) break;
			results.push({ json: readOutput(resource, entry) });
		}
		const meta = ((envelope.meta as IDataObject | undefined)?.pagination ?? {}) as PageMeta;
		const current = meta.current_page ?? page;
		if (envelope.data.length === 0 || current >= (meta.total_pages ?? current)) break;
	}
	return results;
}

/** preSend for Contact → Create: the phone number is checked and put in E.164 before it is sent. */
export async function normalizeContactPhone(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const defaultCountryCode = this.getNodeParameter('options.defaultCountryCode', '') as string;
	try {
		body.main_phone = toE164(body.main_phone, 'Phone', defaultCountryCode);
	} catch (error) {
		throw itemInputError(this.getNode(), this.getItemIndex(), error, 'The contact was not created.');
	}
	return requestOptions;
}
