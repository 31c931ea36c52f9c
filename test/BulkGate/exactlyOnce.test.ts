import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../emulator/server';
import { shutdownEngine, type RunSettings } from '../helpers/engine';
import { APPLICATION_TOKEN, BulkGateFixture, PROMOTIONAL, TRANSACTIONAL, czech, czechDigits, czechE164 } from './fixture';

/**
 * The exactly-once promise under n8n's own error settings (Retry On Fail, On Error), proved by
 * the messages BulkGate stored per number: whatever the engine re-runs, nobody gets a second
 * message, and no accepted message ID is lost.
 */
const fixture = new BulkGateFixture();
const COUNT = 25;
const BATCH = 10;
const RETRY = { maxTries: 3 } satisfies RunSettings;

/** Another host (another port) where a redirect points; it must never see a request. */
let elsewhere: Emulator;

beforeAll(async () => {
	await fixture.start();
	elsewhere = await startEmulator([]);
});
beforeEach(() => {
	fixture.reset();
	elsewhere.requests.length = 0;
});
afterAll(async () => {
	await fixture.stop();
	await elsewhere.close();
	shutdownEngine();
});

const OPERATIONS = [
	{ operation: 'sendTransactional', path: TRANSACTIONAL, perRequest: 1 },
	{ operation: 'sendPromotional', path: PROMOTIONAL, perRequest: BATCH },
] as const;
type Operation = (typeof OPERATIONS)[number];

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const stored = (from: number) => fixture.storedCount(range(from, COUNT).map(czechDigits));
const requests = (op: Operation) => Math.ceil(COUNT / op.perRequest);
/** The items the second request carries. */
const secondRequest = (op: Operation) => range(op.perRequest, op.perRequest);

function send(op: Operation, from: number, settings: RunSettings, items?: IDataObject[], extra: IDataObject = {}) {
	const parameters: INodeParameters = {
		resource: 'message',
		operation: op.operation,
		number: '={{ $json.to }}',
		text: 'Exactly once',
		options: { batchSize: BATCH },
		...extra,
	};
	return fixture.run(parameters, items ?? range(from, COUNT).map((i) => ({ to: czech(i) })), settings);
}

describe.each(OPERATIONS)('$operation', (op) => {
	test('a blacklisted recipient with the default settings and Retry On Fail: no stop, every ID returned, stored once each', async () => {
		fixture.api.blacklist.add(czechDigits(3));
		const { items, error, hints } = await send(op, 0, RETRY);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(COUNT);
		expect(items[3].json).toMatchObject({
			accepted: false,
			status: 'refused',
			errorCode: 'blacklisted',
			errorReason: 'Phone number is on Blacklist',
		});
		items
			.filter((item) => item.json.accepted)
			.forEach((item) => expect(item.json.messageId).toBe(fixture.api.sentTo((item.json.to as string).slice(1))[0].messageId));
		expect(stored(0)).toEqual(range(0, COUNT).map((i) => (i === 3 ? 0 : 1)));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requests(op));
		expect(hints).toEqual([`1 of ${COUNT} recipients were not sent (1 refused) — see the items with accepted = false`]);
	});

	test('the first recipient blacklisted, with Retry On Fail: n8n re-runs the node, nobody gets a second message', async () => {
		fixture.api.blacklist.add(czechDigits(100));
		const { items, error } = await send(op, 100, RETRY);
		if (op.perRequest === 1) {
			// Alone in its request, nothing was accepted yet: the node stops, and its tries send nothing again.
			expect(error?.message).toMatch(/^Item 0: The number is on the BulkGate blacklist/);
			expect(stored(100)).toEqual(range(0, COUNT).map(() => 0));
			expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(1);
			return;
		}
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ accepted: false, status: 'refused' });
		expect(stored(100)).toEqual(range(0, COUNT).map((i) => (i === 0 ? 0 : 1)));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requests(op));
	});

	test('a 500 after BulkGate stored the second request, with Retry On Fail: stored once each, the rest still sent', async () => {
		fixture.emulator.inject({ match: { path: op.path }, skip: 1, status: 500, afterHandling: true });
		const { items, error, hints } = await send(op, 200, RETRY);
		expect(error).toBeUndefined();
		expect(stored(200)).toEqual(range(0, COUNT).map(() => 1));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requests(op));
		const unknown = secondRequest(op);
		items.forEach((item, index) =>
			expect(item.json).toMatchObject(
				unknown.includes(index) ? { accepted: false, status: 'unknown', errorCode: 500 } : { accepted: true },
			),
		);
		expect(hints[0]).toMatch(new RegExp(`^${unknown.length} of ${COUNT} recipients were not sent \\(${unknown.length} outcome unknown, never resent\\)`));
	});

	test('a 500 on the first request, with Retry On Fail: the node stops, and its retries send nothing again', async () => {
		fixture.emulator.inject({ match: { path: op.path }, status: 500, afterHandling: true });
		const { error } = await send(op, 300, RETRY);
		expect(error?.message).toMatch(/^Item 0: outcome unknown: BulkGate answered HTTP 500/);
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(1);
		expect(stored(300)).toEqual(range(0, COUNT).map((i) => (i < op.perRequest ? 1 : 0)));
	});

	test('an invalid first item with On Error: Continue and Retry On Fail: the valid recipients are stored once each', async () => {
		const items = range(400, COUNT).map((i) => ({ to: czech(i) }));
		items[0].to = 'call me';
		const run = await send(op, 400, { continueOnFail: true, ...RETRY }, items);
		expect(run.items[0].json).toMatchObject({ accepted: false, status: 'invalid', errorCode: 'invalidInput' });
		expect(stored(400)).toEqual(range(0, COUNT).map((i) => (i === 0 ? 0 : 1)));
	});

	test('a request refused as a whole is sent again by Retry On Fail: certainly not accepted, so safe', async () => {
		fixture.emulator.inject({ match: { path: op.path }, status: 400, body: { type: 'low_credit', code: 400, error: 'Insufficient funds' } });
		const { items, error } = await send(op, 500, { continueOnFail: true, ...RETRY });
		expect(error).toBeUndefined();
		expect(items.every((item) => item.json.accepted)).toBe(true);
		expect(stored(500)).toEqual(range(0, COUNT).map(() => 1));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requests(op) + 1);
	});

	test('a redirect after BulkGate stored the second request is not followed: one POST, the application token stays home', async () => {
		fixture.emulator.inject({
			match: { path: op.path },
			skip: 1,
			status: 307,
			headers: { location: `${elsewhere.url}/collect` },
			afterHandling: true,
		});
		const { items, error } = await send(op, 600, {});
		expect(error).toBeUndefined();
		expect(elsewhere.requests).toHaveLength(0);
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requests(op));
		expect(stored(600)).toEqual(range(0, COUNT).map(() => 1));
		expect(items[op.perRequest].json).toMatchObject({ accepted: false, status: 'unknown', errorCode: 307 });
		expect(JSON.stringify(items)).not.toContain(APPLICATION_TOKEN);
	});
});

describe('Send Promotional to address-book groups and admins', () => {
	beforeEach(() => {
		fixture.api.groups.set(12, [czechDigits(900), czechDigits(901)]);
		fixture.api.admins.set(154, czechDigits(903));
	});
	const groups = { sendTo: ['items', 'groupsAndAdmins'], groupIds: '12', adminIds: '154', groupText: 'Opening on Monday' };
	const groupMembers = () => fixture.storedCount([900, 901, 903].map(czechDigits));

	test('re-run by Retry On Fail after an invalid first item: the group request is sent once, its results kept', async () => {
		const items = range(700, 5).map((i) => ({ to: czech(i) }));
		items[0].to = 'call me';
		const run = await send(OPERATIONS[1], 700, { continueOnFail: true, ...RETRY }, items, groups);
		expect(groupMembers()).toEqual([1, 1, 1]);
		expect(fixture.storedCount(range(701, 4).map(czechDigits))).toEqual([1, 1, 1, 1]);
		expect(fixture.bodies(PROMOTIONAL).filter((body) => 'groups' in body)).toHaveLength(1);
		const groupItems = run.items.slice(5);
		expect(groupItems.map((item) => [item.json.to, item.json.accepted])).toEqual(
			[900, 901, 903].map((i) => [czechE164(i), true]),
		);
		expect(groupItems[0].json.messageId).toBe(fixture.api.sentTo(czechDigits(900))[0].messageId);
	});

	test('a 500 after BulkGate stored the group request, items accepted: no stop, the group item says unknown', async () => {
		fixture.emulator.inject({ match: { path: PROMOTIONAL }, skip: 1, status: 500, afterHandling: true });
		const { items, error, hints } = await send(OPERATIONS[1], 800, RETRY, range(800, 5).map((i) => ({ to: czech(i) })), groups);
		expect(error).toBeUndefined();
		expect(items.slice(0, 5).every((item) => item.json.accepted)).toBe(true);
		expect(items[5].json).toMatchObject({ to: 'groups 12 and admins 154', accepted: false, status: 'unknown' });
		expect(items[5].json.error).toMatch(/^Item 0 \(groups and admins\): outcome unknown: /);
		expect(groupMembers()).toEqual([1, 1, 1]);
		expect(hints).toEqual(['1 of 6 recipients were not sent (1 outcome unknown, never resent) — see the items with accepted = false']);
	});
});
