import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { APPLICATION_TOKEN, BulkGateFixture, PROMOTIONAL, TRANSACTIONAL, czech, czechDigits } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

/** Both send operations, each with the endpoint it posts to and how many requests N items make. */
const OPERATIONS = [
	{ operation: 'sendTransactional', path: TRANSACTIONAL, requests: (count: number) => count, affected: 1 },
	{ operation: 'sendPromotional', path: PROMOTIONAL, requests: (count: number) => Math.ceil(count / 5), affected: 5 },
] as const;

function run(operation: string, count: number, options: IDataObject = {}, continueOnFail = true) {
	const parameters: INodeParameters = {
		resource: 'message',
		operation,
		number: '={{ $json.to }}',
		text: 'Fault test',
		options: { batchSize: 5, ...options } as INodeParameters,
	};
	const items = Array.from({ length: count }, (_, i) => ({ to: czech(i) }));
	return fixture.run(parameters, items, { continueOnFail });
}

/** How many messages BulkGate stored for each of the first `count` numbers. */
const stored = (count: number) =>
	Array.from({ length: count }, (_, i) => fixture.api.sentTo(czechDigits(i)).length);

describe.each(OPERATIONS)('$operation', ({ operation, path, requests, affected }) => {
	test('a 429 storm with and without Retry-After: every item sent exactly once in the end', async () => {
		fixture.emulator.inject({ match: { path }, times: 2, status: 429, headers: { 'retry-after': '0' } });
		fixture.emulator.inject({ match: { path }, times: 2, status: 429 });
		const { items, error } = await run(operation, 12);
		expect(error).toBeUndefined();
		const statuses = fixture.emulator.requestsTo('POST', path).map((r) => r.status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(4);
		expect(statuses.filter((s) => s === 200)).toHaveLength(requests(12));
		expect(stored(12)).toEqual(Array(12).fill(1));
		expect(items.every((item) => item.json.accepted === true)).toBe(true);
	});

	test('an application token revoked mid-run: the rest fail with BulkGate’s reason, none is sent twice', async () => {
		fixture.api.revokeTokensAfter(1);
		const { items } = await run(operation, 12);
		const sentFirst = affected;
		expect(stored(12)).toEqual([...Array(sentFirst).fill(1), ...Array(12 - sentFirst).fill(0)]);
		items.slice(sentFirst).forEach((item, i) => {
			expect(String(item.json.error)).toMatch(new RegExp(`^Item ${sentFirst + i}: BulkGate refused the request \\(unknown_identity, HTTP 401\\)`));
		});
		expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(requests(12));
	});

	test.each([
		['a 503', { status: 503 }],
		['a connection reset after BulkGate took the messages', { reset: true, afterHandling: true }],
		['a timeout', { delayMs: 1500, afterHandling: true }],
	])('%s: nothing resent, only the affected items say the outcome is unknown', async (_name, fault) => {
		fixture.emulator.inject({ match: { path }, ...fault });
		const { items } = await run(operation, 12, { timeout: 1000 });
		expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(requests(12));
		items.forEach((item, i) => {
			if (i < affected) expect(String(item.json.error)).toMatch(new RegExp(`^Item ${i}: outcome unknown: .*not resent`));
			else expect(item.json.accepted).toBe(true);
		});
		expect(stored(12).slice(affected)).toEqual(Array(12 - affected).fill(1));
	});

	test.each([
		['malformed JSON', { status: 200, body: '{"data":{"response":[' }, /^Item 0: outcome unknown: /],
		['an HTML error page', { status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' }, /^Item 0: outcome unknown: BulkGate answered HTTP 502/],
		['an empty body', { status: 200, body: '' }, /^Item 0: outcome unknown: /],
		['a 200 with an error body', { status: 200, body: { type: 'low_credit', code: 400, error: 'Insufficient funds', detail: null } }, /^Item 0: BulkGate refused the request \(low_credit/],
		['a 200 with the legacy error shape', { status: 200, body: { error: 'authentication_failed', code: 401 } }, /^Item 0: BulkGate refused the request/],
	])('%s: a clear error on the affected items, the rest still sent', async (_name, fault, message) => {
		fixture.emulator.inject({ match: { path }, ...fault });
		const { items } = await run(operation, 12);
		expect(String(items[0].json.error)).toMatch(message);
		expect(items[11].json.accepted).toBe(true);
		expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(requests(12));
	});

	test('no output item or error carries the application token', async () => {
		fixture.api.blacklist.add(czechDigits(1));
		const runs = [
			await run(operation, 3),
			await run(operation, 3, { dryRun: true }),
			await fixture.run({ resource: 'message', operation, number: '={{ $json.to }}', text: 'x' }, [{ to: 'bad' }]),
		];
		const serialized = JSON.stringify(runs.map((r) => [r.items, r.error, r.error?.description]));
		expect(serialized).not.toContain(APPLICATION_TOKEN);
		expect(serialized).not.toContain('application_token');
	});
});
