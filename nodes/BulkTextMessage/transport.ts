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
import { InvalidInputError, itemInputError } from '../shared/invalidInput';
import { isObject } from '../shared/json';
import { credentialSecrets, redactError, redactValue } from '../shared/redact';
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

/** The requests of single reads and Contact → Create, by the context n8n runs them in. */
const requestsInFlight = new WeakMap<IExecuteSingleFunctions, IHttpRequestOptions>();

/**
 * preSend (last) for single reads and Contact → Create: statuses come back as answers, so that
 * unwrapData can take secrets out of an error body before n8n shows any of it.
 */
export async function readStatusInAnswer(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestsInFlight.set(this, { ...requestOptions });
	return { ...requestOptions, ignoreHttpStatusErrors: true };
}

/**
 * A 401 means the token expired: the request goes once more with statuses thrown, which is how
 * n8n renews the token (as it would have without readStatusInAnswer).
 */
async function renewTokenAndRetry(
	this: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
): Promise<IN8nHttpFullResponse> {
	const request = requestsInFlight.get(this);
	if (response.statusCode !== 401 || !request) return response;
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...request,
			ignoreHttpStatusErrors: false,
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw redactError(error, await credentialSecrets.call(this, CREDENTIAL_TYPE));
	}
}

/** The error n8n gives an HTTP status, built from the answer with the secrets taken out. */
function statusError(
	context: IExecuteSingleFunctions,
	statusCode: number,
	body: unknown,
): NodeApiError {
	const failedRequest = {
		message: `Request failed with status code ${statusCode}`,
		response: { status: statusCode, data: body },
	};
	return new NodeApiError(context.getNode(), failedRequest as unknown as JsonObject, {
		itemIndex: context.getItemIndex(),
	});
}

/** The resource a read runs for, which decides its output (readOutput.ts). */
function resourceOf(context: IExecuteSingleFunctions): string {
	return context.getNodeParameter('resource', '') as string;
}

/** postReceive for single reads: checks the status and the envelope and returns `data` as the resource's item. */
export async function unwrapData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	received: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const response = await renewTokenAndRetry.call(this, received);
	// The gateway may echo the request, bearer token included, in what it answers.
	const body = redactValue(response.body, await credentialSecrets.call(this, CREDENTIAL_TYPE));
	if (response.statusCode >= 300) throw statusError(this, response.statusCode, body);
	const envelope = okEnvelope(body);
	if (!envelope || !isObject(envelope.data)) {
		throw new NodeApiError(this.getNode(), (isObject(body) ? body : {}) as JsonObject, {
			message: describeError(body, response.statusCode),
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
		let first: INodeExecutionData | undefined;
		try {
			[first] = await this.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, qs: { ...requestData.options.qs, page } },
			});
		} catch (error) {
			// n8n's error for a status keeps the answer, which may echo the bearer token.
			throw redactError(error, await credentialSecrets.call(this, CREDENTIAL_TYPE));
		}
		const envelope = okEnvelope(first?.json);
		if (!envelope || !Array.isArray(envelope.data)) {
			const body = redactValue(first?.json, await credentialSecrets.call(this, CREDENTIAL_TYPE));
			throw new NodeApiError(this.getNode(), (body ?? {}) as JsonObject, {
				message: describeError(body, 200),
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

/** The API's IDs are whole numbers; a picked, typed or mapped ID is read as one, whitespace aside. */
function wholeNumberId(value: unknown): number | undefined {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : undefined;
}

function notAnId(field: string, value: unknown, what: string): InvalidInputError {
	const empty = value === '' || value === undefined || value === null;
	const given = empty ? 'is empty' : `${JSON.stringify(value)} is not an ID`;
	return new InvalidInputError(
		field,
		`${field} ${given}`,
		`Pick ${what} from the list, or give its ID (a whole number such as 42).`,
	);
}

/**
 * preSend for reads by ID: the locator's value (or the plain ID older workflows stored) must be
 * a whole number, so an empty mapping cannot turn into a request for the whole list.
 */
export function requireId(parameter: string, field: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const value = this.getNodeParameter(parameter, '', { extractValue: true });
		if (wholeNumberId(value) === undefined) {
			throw itemInputError(
				this.getNode(),
				this.getItemIndex(),
				notAnId(field, value, `the ${field.toLowerCase()}`),
				'Nothing was requested for this item.',
			);
		}
		return requestOptions;
	};
}

/** preSend for Contact → Create: a Contact Group, when given, goes out as the group's numeric ID. */
export async function checkContactGroup(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	if (!('contact_group_id' in body)) return requestOptions;
	const id = wholeNumberId(body.contact_group_id);
	if (id === undefined) {
		throw itemInputError(
			this.getNode(),
			this.getItemIndex(),
			notAnId('Contact Group', body.contact_group_id, 'a contact group'),
			'The contact was not created. To create it without a group, remove the Contact Group field.',
		);
	}
	body.contact_group_id = id;
	return requestOptions;
}
