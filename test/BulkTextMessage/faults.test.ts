import type { IDataObject } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';
import { SEND_OPERATIONS, phone, recipients, sendParameters } from './sendOperations';

const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const TO_MANY = '/api/v1/sms/to_many';

function sendToMany(count: number, extra: IDataObject = {}, continueOnFail = true, first = 0) {
	return fixture.run(sendParameters('sendToMany', extra), recipients(count, first), { continueOnFail });
}

/** Messages the emulator stored for these external ids (to prove nothing is sent twice). */
function storedFor(externalIds: number[]): number[] {
	return externalIds.map((ext) => fixture.api.messages.filter((m) => m.external_id === ext).length);
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('429 Too Many Requests', () => {
	test('with Retry-After: waits, retries, and every item is sent exactly once', async () => {
		fixture.emulator.inject({ match: { path: TO_MANY }, times: 2, status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } });
		const { items, error } = await sendToMany(25, {}, false, 1000);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', TO_MANY).map((r) => r.status)).toEqual([429, 429, 200, 200, 200]);
		expect(storedFor(range(1000, 25))).toEqual(Array(25).fill(1));
		expect(items.every((item) => item.json.accepted === true)).toBe(true);
	});

	test('without Retry-After: backs off and still sends every item exactly once', async () => {
		fixture.emulator.inject({ match: { path: TO_MANY }, times: 3, status: 429 });
		const { error } = await sendToMany(10, {}, false, 1100);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', TO_MANY).map((r) => r.status)).toEqual([429, 429, 429, 200]);
		expect(storedFor(range(1100, 10))).toEqual(Array(10).fill(1));
	});

	test('a Retry-After beyond the cap gives up with a clear error and nothing is sent', async () => {
		fixture.emulator.inject({ match: { path: TO_MANY }, status: 429, headers: { 'retry-after': '3600' } });
		const { error } = await sendToMany(3, {}, false, 1200);
		expect(error?.message).toBe('Item 0: BulkTextMessage kept answering 429 Too Many Requests');
		expect(error?.description).toContain('Nothing was sent');
		expect(storedFor(range(1200, 3))).toEqual([0, 0, 0]);
	});
});

describe.each(SEND_OPERATIONS)('$operation', ({ operation, path }) => {
	const batches = (count: number) => (operation === 'send' ? count : Math.ceil(count / 10));
	let next = 10000 + SEND_OPERATIONS.findIndex((o) => o.operation === operation) * 1000;
	const take = (count: number) => {
		const first = next;
		next += count;
		return first;
	};

	test('a 429 storm with and without Retry-After: every item is sent exactly once in the end', async () => {
		fixture.emulator.inject({ match: { path }, times: 2, status: 429, headers: { 'retry-after': '0' } });
		fixture.emulator.inject({ match: { path }, times: 2, status: 429 });
		const first = take(12);
		const { items, error } = await fixture.run(sendParameters(operation), recipients(12, first));
		expect(error).toBeUndefined();
		const statuses = fixture.emulator.requestsTo('POST', path).map((r) => r.status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(4);
		expect(statuses.filter((s) => s === 200)).toHaveLength(batches(12));
		expect(storedFor(range(first, 12))).toEqual(Array(12).fill(1));
		expect(items.map((item) => item.json.externalId)).toEqual(range(first, 12));
	});

	test('a token revoked mid-run: exactly one refresh, every item sent once', async () => {
		fixture.api.expireTokensAfter(1);
		const first = take(25);
		const { items, error } = await fixture.run(sendParameters(operation), recipients(25, first));
		expect(error).toBeUndefined();
		expect(fixture.tokenRequests()).toBe(1);
		expect(storedFor(range(first, 25))).toEqual(Array(25).fill(1));
		expect(items.every((item) => item.json.accepted === true)).toBe(true);
	});

	test.each([
		['a 503', { status: 503 }],
		['a connection reset after the gateway stored the messages', { reset: true, afterHandling: true }],
		['a timeout', { delayMs: 1500, afterHandling: true }],
	])('%s on a send: nothing resent, only the affected items say the outcome is unknown', async (_name, fault) => {
		fixture.emulator.inject({ match: { path }, ...fault });
		const first = take(12);
		const { items } = await fixture.run(sendParameters(operation, { timeout: 1000 }), recipients(12, first), {
			continueOnFail: true,
		});
		expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(batches(12));
		const affected = operation === 'send' ? 1 : 10;
		items.forEach((item, i) => {
			if (i < affected) expect(String(item.json.error)).toMatch(new RegExp(`^Item ${i}: outcome unknown: .*Get by External ID \\(external ID ${first + i}\\)`));
			else expect(item.json.accepted).toBe(true);
		});
	});

	test.each([
		['malformed JSON', { status: 200, body: '{"result":"ok",' }, /outcome unknown: BulkTextMessage accepted the request but its answer was not readable JSON/],
		['an HTML error page', { status: 502, body: '<html><h1>502</h1></html>' }, /outcome unknown: BulkTextMessage answered HTTP 502/],
		['an empty body', { status: 200, body: '' }, /outcome unknown: BulkTextMessage accepted the request but its answer was not readable JSON/],
		['a 200 with an error body', { status: 200, body: { result: 'error', message: 'Account suspended' } }, /^Item 0: BulkTextMessage refused the request \(HTTP 200\): Account suspended$/],
	])('%s: a clear error on the affected items, the rest still sent', async (_name, fault, message) => {
		fixture.emulator.inject({ match: { path }, ...fault });
		const first = take(12);
		const { items } = await fixture.run(sendParameters(operation), recipients(12, first), { continueOnFail: true });
		expect(String(items[0].json.error)).toMatch(message);
		expect(items[11].json.accepted).toBe(true);
		expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(batches(12));
	});
});

describe('a send that may have been accepted is never resent', () => {
	test.each([
		['a 502 after the gateway stored the messages', { status: 502, body: '<html><body>Bad gateway</body></html>', afterHandling: true }, /answered HTTP 502/],
		['a 500 before it did', { status: 500, body: { message: 'boom' } }, /answered HTTP 500/],
		['a connection reset after it stored them', { reset: true, afterHandling: true }, /failed before an answer arrived: the connection was reset/],
		['a 200 whose body is not JSON', { status: 200, body: '{"result":"ok","ids":[1,2' }, /answer was not readable JSON/],
		['a 200 with an empty body', { status: 200, body: '' }, /answer was not readable JSON/],
		['a 200 without one id per recipient', { status: 200, body: { result: 'ok', ids: [1] } }, /without one id per recipient/],
	])('%s: one request, only the affected items fail and say the outcome is unknown', async (_name, fault, reason) => {
		fixture.emulator.inject({ match: { path: TO_MANY }, ...fault });
		const { items, error } = await sendToMany(25, {}, true, 2000);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', TO_MANY)).toHaveLength(3);
		const failed = items.slice(0, 10).map((item) => String(item.json.error));
		failed.forEach((message, i) => {
			expect(message).toMatch(new RegExp(`^Item ${i}: outcome unknown: `));
			expect(message).toMatch(reason);
			expect(message).toContain(`Get by External ID (external ID ${2000 + i})`);
			expect(message).toContain('not resent');
		});
		expect(items.slice(10).every((item) => item.json.accepted === true)).toBe(true);
		const afterHandling = 'afterHandling' in fault;
		expect(storedFor(range(2000, 10))).toEqual(Array(10).fill(afterHandling ? 1 : 0));
		expect(storedFor(range(2010, 15))).toEqual(Array(15).fill(1));
		fixture.api.messages.splice(0, fixture.api.messages.length);
	});

	test('a timeout on a slow gateway is not retried', async () => {
		fixture.emulator.inject({ match: { path: TO_MANY }, delayMs: 2500, afterHandling: true });
		const { items } = await sendToMany(5, { timeout: 1000 }, true, 3000);
		expect(fixture.emulator.requestsTo('POST', TO_MANY)).toHaveLength(1);
		expect(String(items[0].json.error)).toMatch(/^Item 0: outcome unknown: The connection to BulkTextMessage failed before an answer arrived: no answer came within the timeout/);
	});

	test('without On Error: Continue, the node stops on the first unknown outcome and says what was accepted before', async () => {
		fixture.emulator.inject({ match: { path: TO_MANY }, status: 503, times: 1 });
		fixture.emulator.inject({ match: { path: TO_MANY }, status: 200, body: { result: 'ok', ids: [] }, times: 0 });
		const first = await sendToMany(10, {}, false, 4000);
		expect(first.error?.message).toMatch(/^Item 0: outcome unknown: BulkTextMessage answered HTTP 503/);
		expect(fixture.emulator.requestsTo('POST', TO_MANY)).toHaveLength(1);
	});
});

describe('answers that are errors', () => {
	test('a 200 with an error body fails those items with the gateway message and nothing is retried', async () => {
		fixture.emulator.inject({ match: { path: TO_MANY }, status: 200, body: { result: 'error', message: 'Insufficient balance' } });
		const { items } = await sendToMany(3, {}, true, 5000);
		expect(items.map((item) => item.json.error)).toEqual([
			'Item 0: BulkTextMessage refused the request (HTTP 200): Insufficient balance',
			'Item 1: BulkTextMessage refused the request (HTTP 200): Insufficient balance',
			'Item 2: BulkTextMessage refused the request (HTTP 200): Insufficient balance',
		]);
		expect(fixture.emulator.requestsTo('POST', TO_MANY)).toHaveLength(1);
	});

	test("a 400 on a single send is that item's error with the gateway message", async () => {
		fixture.emulator.inject({ match: { path: '/api/v1/sms/' }, status: 400, body: { result: 'error', message: 'Sender not allowed' } });
		const { items } = await fixture.run(
			{ resource: 'sms', operation: 'send', to: '={{ $json.p }}', message: 'x' },
			[{ p: phone(1) }, { p: phone(2) }],
			{ continueOnFail: true },
		);
		expect(items[0].json.error).toBe('Item 0: BulkTextMessage refused the request (HTTP 400): Sender not allowed');
		expect(items[1].json.accepted).toBe(true);
	});

	test('an HTML error page on a read becomes a clear NodeApiError', async () => {
		fixture.emulator.inject({ match: { path: /^\/api\/v1\/sms\/\d+$/ }, status: 500, body: '<html>Internal error</html>' });
		const { error } = await fixture.run({ resource: 'sms', operation: 'get', messageId: '1' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('500');
		expect(error?.message).toBe('The service was not able to process your request');
	});

	test('a read answered 200 with a malformed body fails clearly instead of returning garbage', async () => {
		fixture.emulator.inject({ match: { path: '/api/v1/contact_group/' }, status: 200, body: 'not json at all' });
		const { error, items } = await fixture.run({ resource: 'contactGroup', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe('BulkTextMessage answered HTTP 200: not json at all');
	});
});
