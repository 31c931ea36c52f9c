import { BulkTextMessageApi } from '../../credentials/BulkTextMessageApi.credentials';
import { testCredential } from '../helpers/credentialTest';
import { shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture, CLIENT_SECRET } from './fixture';

const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const phone = (i: number) => `+4477009${String(i).padStart(5, '0')}`;
const storedToken = () => String(fixture.store.get('btm').data.accessToken);

test('one token exchange serves every item of a run and is reused by the next execution', async () => {
	fixture.store.get('btm').data.accessToken = '';
	const message = fixture.api.addMessage({ number: phone(1), content: 'x' });
	const items = Array.from({ length: 25 }, () => ({ id: message.id }));
	const first = await fixture.run({ resource: 'sms', operation: 'get', messageId: '={{ $json.id }}' }, items);
	expect(first.items).toHaveLength(25);
	expect(fixture.tokenRequests()).toBe(1);
	const token = storedToken();
	expect(token).toMatch(/^[0-9a-f]{32}$/);

	const second = await fixture.run({ resource: 'sms', operation: 'get', messageId: String(message.id) });
	expect(second.error).toBeUndefined();
	expect(fixture.tokenRequests()).toBe(1);
	expect(storedToken()).toBe(token);
	const bearer = fixture.emulator.requests.filter((r) => r.path.startsWith('/api/v1/sms'));
	expect(bearer.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
});

test('a token that expires in the middle of a 1,000-recipient send is refreshed once and no item is lost or sent twice', async () => {
	await fixture.run({ resource: 'contactGroup', operation: 'getAll', returnAll: false, limit: 1 });
	fixture.reset();
	fixture.api.expireTokensAfter(3);
	const before = fixture.api.messages.length;
	const input = Array.from({ length: 1000 }, (_, i) => ({ phone: phone(i), ext: 90000 + i }));
	const { items, error } = await fixture.run(
		{
			resource: 'sms',
			operation: 'sendToMany',
			to: '={{ $json.phone }}',
			message: 'Token test',
			additionalFields: { externalId: '={{ $json.ext }}' },
			options: { batchSize: 100 },
		},
		input,
	);
	expect(error).toBeUndefined();
	expect(fixture.tokenRequests()).toBe(1);
	const sends = fixture.emulator.requestsTo('POST', '/api/v1/sms/to_many');
	// The expired request, and its one repeat that lets n8n refresh the token; neither was accepted.
	expect(sends.map((r) => r.status).filter((s) => s === 401)).toHaveLength(2);
	expect(sends.filter((r) => r.status === 200)).toHaveLength(10);
	const stored = fixture.api.messages.slice(before);
	expect(stored).toHaveLength(1000);
	expect(new Set(stored.map((m) => m.external_id)).size).toBe(1000);
	expect(items.every((item, i) => item.json.externalId === 90000 + i && item.json.accepted === true)).toBe(true);
});

test("a wrong client secret fails with BulkTextMessage's own message and no secret in it", async () => {
	fixture.store.add('wrong', 'bulkTextMessageApi', {
		clientId: 'client-1',
		clientSecret: 'not-the-secret',
		baseUrl: fixture.api.baseUrl(fixture.emulator.url),
		accessToken: '',
	});
	const { error } = await runWith('wrong');
	expect(error?.message).toContain('BulkTextMessage did not issue an access token for this Client ID and Client Secret');
	expect(error?.message).toContain('HTTP 401: Client authentication failed');
	expect(JSON.stringify(error)).not.toContain('not-the-secret');
	expect(fixture.emulator.requestsTo('GET', '/api/v1/contact_group/')).toHaveLength(0);
});

async function runWith(id: string) {
	const saved = fixture.credentials;
	fixture.credentials = { bulkTextMessageApi: { id, name: id } };
	try {
		return await fixture.run({ resource: 'contactGroup', operation: 'getAll', returnAll: true });
	} finally {
		fixture.credentials = saved;
	}
}

describe('credential test button', () => {
	const credential = new BulkTextMessageApi();
	const data = (secret: string) => ({
		clientId: 'client-1',
		clientSecret: secret,
		baseUrl: fixture.api.baseUrl(fixture.emulator.url),
		accessToken: 'stale-token-from-before',
	});

	test('performs the exchange and one authenticated read', async () => {
		expect(await testCredential(credential, data(CLIENT_SECRET))).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(fixture.tokenRequests()).toBe(1);
		expect(fixture.emulator.requestsTo('GET', '/api/v1/contact_group/')).toHaveLength(1);
	});

	test("shows the provider's message when the secret is wrong", async () => {
		const result = await testCredential(credential, data('wrong-secret'));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('HTTP 401: Client authentication failed');
		expect(result.message).not.toContain('wrong-secret');
	});
});

test('no output item or error contains the client secret or the token', async () => {
	fixture.api.refusedNumbers.add(phone(2));
	const runs = [
		await fixture.run(
			{ resource: 'sms', operation: 'sendToMany', to: '={{ $json.p }}', message: 'x' },
			[{ p: phone(1) }, { p: phone(2) }, { p: 'bad' }],
			{ continueOnFail: true },
		),
		await fixture.run({ resource: 'sms', operation: 'send', to: '+447700900001', message: 'y', options: { dryRun: true } }),
		await fixture.run({ resource: 'sms', operation: 'get', messageId: '1' }),
	];
	const serialized = JSON.stringify(runs.map((r) => [r.items, r.error, r.error?.description]));
	expect(serialized).not.toContain(CLIENT_SECRET);
	expect(serialized).not.toContain(storedToken());
});
