import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { BulkGateApi } from '../../credentials/BulkGateApi.credentials';
import { BulkTextMessageApi } from '../../credentials/BulkTextMessageApi.credentials';
import { APPLICATION_TOKEN, BulkGateFixture, INFO, PROMOTIONAL, TRANSACTIONAL, czech } from '../BulkGate/fixture';
import { BulkTextMessageFixture, CLIENT_SECRET } from '../BulkTextMessage/fixture';
import { testCredential } from '../helpers/credentialTest';
import { listSearch, shutdownEngine, type NodeRun } from '../helpers/engine';

/*
 * An echoing gateway repeats the request in its error body: the bearer token, the client secret,
 * the application token. None of it may reach what the package outputs, throws or shows.
 */

const btm = new BulkTextMessageFixture();
const bulkGate = new BulkGateFixture();
beforeAll(async () => await Promise.all([btm.start(), bulkGate.start()]));
beforeEach(() => {
	btm.reset();
	bulkGate.reset();
});
afterAll(async () => {
	await Promise.all([btm.stop(), bulkGate.stop()]);
	shutdownEngine();
});

/** Everything a user can see of a run: items (json and error), the error and all its parts. */
function visible(run: NodeRun): string {
	const errorParts = (error: unknown) => {
		if (!error) return null;
		const { message, description, context, errorResponse, messages, cause } = error as IDataObject;
		return { message, description, context, errorResponse, messages, cause: (cause as Error | undefined)?.message };
	};
	const items = (list: INodeExecutionData[]) =>
		list.map((item) => ({ json: item.json, error: errorParts(item.error) }));
	return JSON.stringify([items(run.items), items(run.errorItems), errorParts(run.error), run.hints]);
}

/** The bearer token the emulator issued and the stored credential holds. */
const bearer = () => String(btm.store.get('btm').data.accessToken);

/** Gets a token first, so the echo has one to repeat. */
async function withToken(): Promise<string> {
	await btm.run({ resource: 'contactGroup', operation: 'getAll', returnAll: true });
	btm.reset();
	const token = bearer();
	expect(token).toMatch(/^[0-9a-f]{32}$/);
	return token;
}

function expectNoSecrets(text: string, secrets: string[]): void {
	for (const secret of secrets) expect(text).not.toContain(secret);
	expect(text).toContain('[redacted]');
}

describe('BulkTextMessage', () => {
	const sendToMany: INodeParameters = {
		resource: 'sms',
		operation: 'sendToMany',
		to: '={{ $json.p }}',
		message: 'Hello',
	};
	const recipients = [{ p: '+447700900001' }, { p: '+447700900002' }];

	test.each([400, 200])('a send answered %i with an echo: item errors carry no token', async (status) => {
		const token = await withToken();
		btm.emulator.inject({ match: { path: '/api/v1/sms/to_many' }, echo: true, status });

		const run = await btm.run(sendToMany, recipients, { continueOnFail: true });

		expect(run.items.map((item) => item.json.status)).toEqual(['refused', 'refused']);
		expect(String(run.items[0].json.error)).toContain('Bad request: POST /api/v1/sms/to_many');
		expectNoSecrets(visible(run), [token, CLIENT_SECRET]);
	});

	test('without On Error: Continue, the thrown error (message, description, errorResponse) carries no token', async () => {
		const token = await withToken();
		btm.emulator.inject({ match: { path: '/api/v1/sms/to_many' }, echo: true });

		const run = await btm.run(sendToMany, recipients);

		expect(run.error?.message).toContain('Bad request');
		expectNoSecrets(visible(run), [token, CLIENT_SECRET]);
	});

	const reads: Array<[string, IDataObject, RegExp]> = [
		['Get', { resource: 'sms', operation: 'get', messageId: '7' }, /^\/api\/v1\/sms\/7$/],
		['Get Many', { resource: 'sms', operation: 'getAll', returnAll: true }, /^\/api\/v1\/sms\/$/],
		['Contact → Get', { resource: 'contact', operation: 'get', contactId: '12000' }, /^\/api\/v1\/contact\//],
		['Contact Group → Get Many', { resource: 'contactGroup', operation: 'getAll', returnAll: true }, /contact_group/],
	];
	test.each(reads.flatMap(([name, parameters, path]) => [200, 400].map((status) => [name, status, parameters, path] as const)))(
		'a read answered with an echo: %s, HTTP %i: the error, its description and data carry no token',
		async (_case, status, parameters, path) => {
		const token = await withToken();
		btm.emulator.inject({ match: { path }, echo: true, status });

		const run = await btm.run(parameters as INodeParameters);

		expect(run.error).toBeDefined();
		expectNoSecrets(visible(run), [token, CLIENT_SECRET]);
	},
	);

	test('reads that now take statuses as answers still renew an expired token once', async () => {
		const old = await withToken();
		const message = btm.api.addMessage({ number: '+447700900003', content: 'x' });
		btm.api.expireTokens();

		const run = await btm.run({ resource: 'sms', operation: 'get', messageId: String(message.id) });

		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ messageId: message.id });
		expect(btm.tokenRequests()).toBe(1);
		expect(bearer()).not.toBe(old);
	});

	test('the Contact Group list search, answered with an echo, shows no token', async () => {
		const token = await withToken();
		btm.emulator.inject({ match: { path: '/api/v1/contact_group/' }, echo: true, status: 200 });

		const failure = (await listSearch('searchContactGroups', {
			type: 'bulkTextMessage',
			parameters: {},
			credentials: btm.credentials,
			store: btm.store,
		}).catch((error: unknown) => error)) as IDataObject;

		const shown = JSON.stringify([failure.message, failure.description, failure.errorResponse, failure.context]);
		expectNoSecrets(shown, [token]);
	});

	test('a token endpoint that echoes the client secret: the send error and the credential test carry none of it', async () => {
		// A client ID this process has no token for, so the node has to ask the token endpoint.
		const stored = btm.store.get('btm').data;
		Object.assign(stored, { clientId: 'client-echo', accessToken: '' });
		btm.emulator.inject({ match: { path: '/api/v1/oauth/access_token' }, echo: true, status: 401, times: 2 });

		const run = await btm.run(sendToMany, recipients, { continueOnFail: true }).finally(() => {
			stored.clientId = 'client-1';
		});
		const test = await testCredential(new BulkTextMessageApi(), {
			clientId: 'client-echo',
			clientSecret: CLIENT_SECRET,
			baseUrl: btm.api.baseUrl(btm.emulator.url),
			accessToken: '',
		});

		expect(run.items[0].json.error).toContain('did not issue an access token');
		expectNoSecrets(visible(run), [CLIENT_SECRET]);
		expect(test.status).toBe('Error');
		expect(test.message).toContain('Bad request: POST /api/v1/oauth/access_token');
		expectNoSecrets(test.message, [CLIENT_SECRET]);
	});
});

describe('BulkGate', () => {
	const transactional: INodeParameters = {
		resource: 'message',
		operation: 'sendTransactional',
		number: '={{ $json.to }}',
		text: 'Hello',
	};

	test.each([
		['Send Transactional', 400, transactional, TRANSACTIONAL],
		['Send Transactional', 200, transactional, TRANSACTIONAL],
		[
			'Send Promotional',
			400,
			{ resource: 'message', operation: 'sendPromotional', number: '={{ $json.to }}', text: 'Hello' },
			PROMOTIONAL,
		],
	])('%s answered %i with an echo: item errors carry no application token', async (_op, status, parameters, path) => {
		bulkGate.emulator.inject({ match: { path }, echo: true, status, times: 2 });

		const run = await bulkGate.run(parameters as INodeParameters, [{ to: czech(1) }, { to: czech(2) }], {
			continueOnFail: true,
		});

		expect(run.items.map((item) => item.json.status)).toEqual(['refused', 'refused']);
		expect(String(run.items[0].json.error)).toContain('echoed_request');
		expectNoSecrets(visible(run), [APPLICATION_TOKEN]);
	});

	test('without On Error: Continue, the thrown error carries no application token', async () => {
		bulkGate.emulator.inject({ match: { path: TRANSACTIONAL }, echo: true });

		const run = await bulkGate.run(transactional, [{ to: czech(1) }]);

		expect(run.error?.message).toContain('echoed_request');
		expectNoSecrets(visible(run), [APPLICATION_TOKEN]);
	});

	test.each([400, 200])('Get Credit Balance answered %i with an echo: the error and its data carry no token', async (status) => {
		bulkGate.emulator.inject({ match: { path: INFO }, echo: true, status });

		const run = await bulkGate.run({ resource: 'account', operation: 'getCreditBalance' });

		expect(run.error?.message).toContain('echoed_request');
		expectNoSecrets(visible(run), [APPLICATION_TOKEN]);
	});

	test('the credential test against an echoing gateway shows no token', async () => {
		bulkGate.emulator.inject({ match: { path: INFO }, echo: true, status: 400 });

		const result = await testCredential(new BulkGateApi(), bulkGate.credentialData());

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(APPLICATION_TOKEN);
	});
});
