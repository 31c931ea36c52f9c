import { sleep } from 'n8n-workflow';
import { runNode, shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';

/**
 * Many executions in one n8n process (a queue-mode worker runs several at once) sharing one
 * credential. n8n stores a renewed token in its database only after the exchange answered; the
 * store's write delay stands for that database write, so executions that start meanwhile still
 * read the old (or empty) token.
 */
const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => {
	fixture.reset();
	fixture.api.revokeOnIssue = false;
	fixture.store.writeDelayMs = 100;
});
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const EXECUTIONS = 25;
const RECIPIENTS = 4;
const TO_MANY = '/api/v1/sms/to_many';

let credentialCount = 0;
/** A credential of its own per test, with an empty token, as after it was created. */
function newCredential() {
	const id = `concurrent-${++credentialCount}`;
	fixture.api.clients.set(id, `secret-${id}`);
	return {
		bulkTextMessageApi: fixture.store.add(id, 'bulkTextMessageApi', {
			clientId: id,
			clientSecret: `secret-${id}`,
			baseUrl: fixture.api.baseUrl(fixture.emulator.url),
			accessToken: '',
		}),
	};
}

let externalId = 100_000;
/** One Send to Many execution to its own recipients. */
function send(credentials: ReturnType<typeof newCredential>) {
	const first = externalId;
	externalId += RECIPIENTS;
	return runNode({
		type: 'bulkTextMessage',
		parameters: {
			resource: 'sms',
			operation: 'sendToMany',
			to: '={{ $json.phone }}',
			message: 'Concurrent',
			additionalFields: { externalId: '={{ $json.ext }}' },
		},
		items: Array.from({ length: RECIPIENTS }, (_, i) => ({ phone: `+4477009${String(first + i).slice(-5)}`, ext: first + i })),
		credentials,
		store: fixture.store,
	});
}

/** Executions started one after another, a few milliseconds apart, as a worker picks up jobs. */
async function concurrentSends(credentials: ReturnType<typeof newCredential>) {
	const runs = [];
	for (let i = 0; i < EXECUTIONS; i++) {
		runs.push(send(credentials));
		await sleep(5);
	}
	return await Promise.all(runs);
}

const bearer = (request: { headers: Record<string, unknown> }) =>
	String(request.headers.authorization ?? '').replace(/^Bearer /, '');

/** Every execution accepted all its recipients, and every recipient was stored once. */
function expectAllSentOnce(runs: Awaited<ReturnType<typeof concurrentSends>>, storedBefore: number) {
	for (const run of runs) {
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.accepted)).toEqual(Array(RECIPIENTS).fill(true));
	}
	const stored = fixture.api.messages.slice(storedBefore);
	expect(stored).toHaveLength(EXECUTIONS * RECIPIENTS);
	expect(new Set(stored.map((message) => message.external_id)).size).toBe(EXECUTIONS * RECIPIENTS);
}

/** A first send, so the credential holds a token that then expires. */
async function withExpiredToken() {
	const credentials = newCredential();
	expect((await send(credentials)).error).toBeUndefined();
	const expired = String(fixture.store.get(credentials.bulkTextMessageApi.id ?? '').data.accessToken);
	fixture.reset();
	fixture.api.expireTokens();
	return { credentials, expired };
}

test(`${EXECUTIONS} concurrent executions on a new credential make one token exchange`, async () => {
	const credentials = newCredential();
	const before = fixture.api.messages.length;
	const runs = await concurrentSends(credentials);
	expectAllSentOnce(runs, before);
	expect(fixture.tokenRequests()).toBe(1);
	const sends = fixture.emulator.requestsTo('POST', TO_MANY);
	expect(sends.map((request) => request.status)).toEqual(Array(EXECUTIONS).fill(200));
	expect(new Set(sends.map(bearer)).size).toBe(1);
});

test(`a token expiring under ${EXECUTIONS} concurrent executions is renewed once`, async () => {
	const { credentials, expired } = await withExpiredToken();
	const before = fixture.api.messages.length;
	const runs = await concurrentSends(credentials);
	expectAllSentOnce(runs, before);
	expect(fixture.tokenRequests()).toBe(1);
	const sends = fixture.emulator.requestsTo('POST', TO_MANY);
	// Refused requests carried the expired token; the accepted ones all carry the one renewal.
	expect(sends.filter((request) => request.status === 401).every((request) => bearer(request) === expired)).toBe(true);
	const accepted = sends.filter((request) => request.status === 200);
	expect(accepted).toHaveLength(EXECUTIONS);
	expect(new Set(accepted.map(bearer)).size).toBe(1);
	expect(bearer(accepted[0])).not.toBe(expired);
});

test('a gateway that refuses the old token once it issued a new one: one renewal, no 401 loop', async () => {
	fixture.api.revokeOnIssue = true;
	const { credentials, expired } = await withExpiredToken();
	const before = fixture.api.messages.length;
	const runs = await concurrentSends(credentials);
	expectAllSentOnce(runs, before);
	expect(fixture.tokenRequests()).toBe(1);
	const sends = fixture.emulator.requestsTo('POST', TO_MANY);
	// A second renewal would revoke the first: requests with it would be refused again and again.
	expect(sends.filter((request) => request.status === 401).every((request) => bearer(request) === expired)).toBe(true);
	expect(sends.filter((request) => request.status === 200)).toHaveLength(EXECUTIONS);
});

test('a renewed token the gateway refuses in turn is renewed again, never handed out again', async () => {
	const { credentials } = await withExpiredToken();
	expect((await send(credentials)).error).toBeUndefined();
	expect(fixture.tokenRequests()).toBe(1);
	const renewed = String(fixture.store.get(credentials.bulkTextMessageApi.id ?? '').data.accessToken);

	fixture.reset();
	fixture.api.expireTokens();
	const run = await send(credentials);
	expect(run.error).toBeUndefined();
	expect(fixture.tokenRequests()).toBe(1);
	const accepted = fixture.emulator.requestsTo('POST', TO_MANY).filter((request) => request.status === 200);
	expect(accepted).toHaveLength(1);
	expect(bearer(accepted[0])).not.toBe(renewed);
});
