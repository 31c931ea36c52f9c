import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const CHECK_CREDENTIAL = 'Check the Application ID and Application Token in this credential.';

/** One rule per error BulkGate documents for this call, so the test shows BulkGate's own words. */
function failsOn(key: string, value: string, message: string) {
	return { type: 'responseSuccessBody' as const, properties: { key, value, message } };
}

export class BulkGateApi implements ICredentialType {
	name = 'bulkGateApi';

	displayName = 'BulkGate API';

	icon = { light: 'file:bulkGate.svg', dark: 'file:bulkGate.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-bulk-sms/n8n-nodes-bulk-sms#bulkgate-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			required: true,
			default: '',
			description: 'In the BulkGate Portal: Modules & APIs → Create API, then copy the Application ID',
		},
		{
			displayName: 'Application Token',
			name: 'applicationToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The token shown next to the Application ID of the same API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://portal.bulkgate.com',
			description: 'Address of the BulkGate Portal. Change it only for a test server.',
		},
	];

	/** BulkGate has no auth header: both values travel in the JSON body of every call. */
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			body: {
				application_id: '={{$credentials.applicationId}}',
				application_token: '={{$credentials.applicationToken}}',
			},
		},
	};

	/**
	 * Asks for the credit balance. n8n reports a non-2xx test answer only by its status text, so
	 * status errors are let through and the body decides, with BulkGate's own message.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/api/2.0/advanced/info',
			method: 'POST',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			failsOn(
				'type',
				'unknown_identity',
				`BulkGate: Unknown identity / unauthorized / empty application_id. ${CHECK_CREDENTIAL}`,
			),
			failsOn('error', 'authentication_failed', `BulkGate: authentication failed. ${CHECK_CREDENTIAL}`),
			failsOn('type', 'banned', 'BulkGate: Account is blocked. Contact BulkGate support.'),
			failsOn(
				'type',
				'method_not_allowed',
				'BulkGate: HTTP method is not allowed. Check that the Base URL is https://portal.bulkgate.com.',
			),
			failsOn(
				'type',
				'unknown_action',
				'BulkGate: Unknown API action. Check that the Base URL is https://portal.bulkgate.com.',
			),
			failsOn(
				'type',
				'unsupported_api_version',
				'BulkGate: Unknown or deprecated API version. Check that the Base URL is https://portal.bulkgate.com.',
			),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: undefined,
					message:
						'BulkGate did not answer with the credit balance. Check the Base URL (normally https://portal.bulkgate.com) and the Application ID and Token.',
				},
			},
		],
	};
}
