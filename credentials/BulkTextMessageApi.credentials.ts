import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { TokenRequestError } from '../nodes/shared/deliveryFailure';
import { redactText, secretsOf } from '../nodes/shared/redact';
import { credentialKey, renewToken } from '../nodes/shared/tokenRenewal';

/**
 * The token request's failure in words, blaming the credential only when the gateway refused it.
 * The gateway's own words may echo the request, so the client secret is taken out of them.
 */
function tokenRequestError(error: unknown, secrets: readonly string[]): TokenRequestError {
	const { response, code } = error as { response?: { status?: number; data?: unknown }; code?: string };
	if (!response?.status) {
		return new TokenRequestError(
			`BulkTextMessage's token endpoint could not be reached (${code ?? 'network error'}); nothing was sent with this request. Check the Base URL in the BulkTextMessage API credential, or try again later.`,
			code ?? 'tokenRequestFailed',
		);
	}
	const data = response.data as Record<string, unknown> | string | undefined;
	const detail =
		typeof data === 'object' && data !== null
			? [data.message, data.error_description, data.error].find((part) => typeof part === 'string')
			: undefined;
	const answer = `HTTP ${response.status}${detail ? `: ${redactText(String(detail), secrets)}` : ''}`;
	if (response.status >= 500) {
		return new TokenRequestError(
			`BulkTextMessage's token endpoint answered ${answer}; nothing was sent with this request. Try again later.`,
			response.status,
		);
	}
	return new TokenRequestError(
		`BulkTextMessage did not issue an access token for this Client ID and Client Secret (${answer}). Check both values in the BulkTextMessage API credential.`,
		response.status,
	);
}

async function exchange(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = String(credentials.baseUrl).replace(/\/+$/, '');
	let answer: { access_token?: unknown };
	try {
		answer = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth/access_token`,
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId),
				client_secret: String(credentials.clientSecret),
			}).toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			json: true,
		})) as { access_token?: unknown };
	} catch (error) {
		throw tokenRequestError(error, secretsOf(credentials));
	}
	if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
		throw new TokenRequestError(
			'BulkTextMessage answered the token request without an access token; nothing was sent with this request.',
			'noAccessToken',
		);
	}
	return answer.access_token;
}

export class BulkTextMessageApi implements ICredentialType {
	name = 'bulkTextMessageApi';

	displayName = 'BulkTextMessage API';

	icon = { light: 'file:bulkTextMessage.svg', dark: 'file:bulkTextMessage.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-bulk-sms/n8n-nodes-bulk-sms#bulktextmessage-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'In your BulkTextMessage account, open the API page and copy the ID shown there',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The Secret shown next to the ID on the same API page',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://sms.bulktextmessage.com/api/v1',
			description:
				'Address of the BulkTextMessage API, as in the examples of its API page. Change it only for a test server or when BulkTextMessage gives you another.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Exchanges the client ID and secret for a bearer token; n8n stores it and calls this again on
	 * a 401. Concurrent executions in one n8n process share one exchange per expiry.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const key = credentialKey({
			clientId: credentials.clientId,
			baseUrl: credentials.baseUrl,
			secret: credentials.clientSecret,
		});
		const accessToken = await renewToken(key, credentials.accessToken, async () => await exchange(this, credentials));
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/contact_group/',
		},
	};
}
