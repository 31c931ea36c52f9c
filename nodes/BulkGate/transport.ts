import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { GatewayError } from '../shared/deliveryFailure';
import { isObject } from '../shared/json';
import { credentialSecrets, redactValue } from '../shared/redact';

export const PROVIDER = 'BulkGate';
export const CREDENTIAL_TYPE = 'bulkGateApi';

export const ENDPOINTS = {
	transactional: '/api/2.0/advanced/transactional',
	promotional: '/api/2.0/advanced/promotional',
	info: '/api/2.0/advanced/info',
	blacklistAdd: '/api/1.0/black-list/add',
	blacklistCheck: '/api/1.0/black-list/is-black-listed',
	blacklistRemove: '/api/1.0/black-list/remove',
	deliveryStatus: '/api/1.0/advanced/delivery/post',
	numberCheck: '/api/1.0/integration/check-phone-numbers',
	contactAdd: '/api/1.0/address-book/add',
	contactImport: '/api/1.0/address-book/import',
	contactGet: '/api/1.0/address-book/get',
	contactRemove: '/api/1.0/address-book/remove',
	otpSend: '/api/1.0/otp/send',
	otpResend: '/api/1.0/otp/resend',
	otpVerify: '/api/1.0/otp/verify',
} as const;

/** A request-level error in either of BulkGate's shapes. */
export interface BulkGateError {
	type: string;
	message: string;
	detail?: string;
	code?: number;
}

/** The legacy shape (`{"error":"authentication_failed","code":401}`) carries only a type. */
const LEGACY_MESSAGES: Record<string, string> = {
	authentication_failed: 'Authentication failed',
};

const HINTS: Record<string, string> = {
	unknown_identity: 'Check the Application ID and Application Token in the BulkGate API credential.',
	authentication_failed: 'Check the Application ID and Application Token in the BulkGate API credential.',
	banned: 'The BulkGate account is blocked; contact BulkGate support.',
	low_credit: 'Top up the credit in the BulkGate Portal.',
	invalid_numeric_sender: 'Verify the own number in the BulkGate Portal or choose another sender ID type.',
	admin_not_found: "Check the admin ID in the BulkGate Portal's notification admins.",
	no_recipients: 'The chosen groups and admins contain no recipients.',
	invalid_wallet:
		'Leave Wallet empty for the default wallet, or copy the wallet ID from Account → Get Credit Balance.',
	you_must_select_wallet: 'Enter the wallet ID (Account → Get Credit Balance shows it) in Wallet.',
	no_valid_numbers: 'Write the number in international format, such as +420 777 123 456.',
	number_not_found: 'No contact in the BulkGate address book has this number.',
	invalid_id_provided: 'Map the otpId that OTP → Send returned; an expired OTP cannot be used.',
};

/**
 * BulkGate answers errors as `{type, code, error, detail}`, or `{error, code}` on older endpoints,
 * sometimes with HTTP 200. As BulkGate's own SDK does, a top-level `error` marks the body as one.
 */
export function errorOf(body: unknown): BulkGateError | undefined {
	if (!isObject(body) || body.error === undefined || body.error === null) return undefined;
	const code = Number.isInteger(body.code) ? (body.code as number) : undefined;
	const detail = typeof body.detail === 'string' && body.detail !== '' ? body.detail : undefined;
	if (typeof body.type === 'string') {
		return { type: body.type, message: String(body.error), detail, code };
	}
	const type = String(body.error);
	return { type, message: LEGACY_MESSAGES[type] ?? type, detail, code };
}

/** A request-level error: one sentence with BulkGate's type, message and what to do; its type; its words. */
export function readError(body: unknown, httpCode: number): GatewayError {
	const error = errorOf(body);
	if (error) {
		const detail = error.detail ? ` (${error.detail})` : '';
		const hint = HINTS[error.type] ? ` ${HINTS[error.type]}` : '';
		return {
			message: `${PROVIDER} refused the request (${error.type}, HTTP ${error.code ?? httpCode}): ${error.message}${detail}.${hint}`,
			code: error.type,
			reason: `${error.message}${detail}`,
		};
	}
	const message = describeUnreadable(body, httpCode);
	return { message, code: httpCode, reason: message };
}

export function describeError(body: unknown, httpCode: number): string {
	return readError(body, httpCode).message;
}

function describeUnreadable(body: unknown, httpCode: number): string {
	if (typeof body === 'string' && body.trim().startsWith('<')) {
		return `${PROVIDER} answered HTTP ${httpCode} with an HTML page instead of JSON; check the Base URL in the BulkGate API credential`;
	}
	if (body === undefined || body === null || body === '') {
		return `${PROVIDER} answered HTTP ${httpCode} with an empty body`;
	}
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return `${PROVIDER} answered HTTP ${httpCode} without data: ${text.slice(0, 200)}`;
}

/** The code to report for a request-level error: BulkGate's own `code`, else the HTTP status. */
export function errorCode(body: unknown, httpCode: number): number {
	return errorOf(body)?.code ?? httpCode;
}

/** postReceive for reads: an answer without `data` (error body, any status) becomes a NodeApiError. */
export async function unwrapData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { statusCode } = response;
	// BulkGate may echo the request, application token included, in what it answers.
	const body = redactValue(response.body, await credentialSecrets.call(this, CREDENTIAL_TYPE));
	if (errorOf(body) || !isObject(body) || !isObject(body.data) || statusCode >= 300) {
		throw new NodeApiError(this.getNode(), (isObject(body) ? body : {}) as JsonObject, {
			message: describeError(body, statusCode),
			httpCode: String(errorCode(body, statusCode)),
			itemIndex: this.getItemIndex(),
		});
	}
	return [{ json: body.data }];
}
