import type { IDataObject } from 'n8n-workflow';
import { startEmulator, type Emulator } from '../emulator/server';
import { shutdownEngine, type RunSettings } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';
import { SEND_OPERATIONS, phone, recipients, sendParameters, type SendOperation } from './sendOperations';

/**
 * The exactly-once promise under n8n's own error settings (Retry On Fail, On Error), proved by
 * the emulator's stored messages per recipient: whatever the engine re-runs, no recipient gets a
 * second message, and no accepted message ID is lost.
 */
const fixture = new BulkTextMessageFixture();
const EXCHANGE_PATH = '/api/v1/oauth/access_token';
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
	fixture.api.messages.length = 0;
	elsewhere.requests.length = 0;
});
afterAll(async () => {
	await fixture.stop();
	await elsewhere.close();
	shutdownEngine();
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** Messages stored per recipient, by external ID. */
const storedFor = (externalIds: number[]) =>
	externalIds.map((ext) => fixture.api.messages.filter((message) => message.external_id === ext).length);

/** The items the second request carries (Send makes one request per item). */
const secondRequest = ({ operation }: SendOperation) => (operation === 'send' ? [1] : range(BATCH, BATCH));

function send(op: SendOperation, first: number, settings: RunSettings, items?: IDataObject[]) {
	return fixture.run(sendParameters(op.operation, { batchSize: BATCH }), items ?? recipients(COUNT, first), settings);
}

const requestsFor = (op: SendOperation) => (op.operation === 'send' ? COUNT : Math.ceil(COUNT / BATCH));

describe.each(SEND_OPERATIONS)('$operation', (op) => {
	test('a refused recipient with the default settings and Retry On Fail: no stop, every ID returned, stored once each', async () => {
		if (op.operation === 'send') {
			fixture.emulator.inject({ match: { path: op.path }, skip: 3, status: 422, body: { message: 'Invalid number' } });
		} else {
			fixture.api.refusedNumbers.add(phone(3));
		}
		const { items, error, hints } = await send(op, 0, RETRY);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(COUNT);
		expect(items[3].json).toMatchObject({ accepted: false, status: 'refused', externalId: 3 });
		expect(items[3].json.errorCode).toBe(op.operation === 'send' ? 422 : -1);
		const accepted = items.filter((item) => item.json.accepted);
		expect(accepted).toHaveLength(COUNT - 1);
		const storedIds = new Map(fixture.api.messages.map((message) => [message.external_id, message.id]));
		accepted.forEach((item) => expect(item.json.messageId).toBe(storedIds.get(item.json.externalId as number)));
		expect(storedFor(range(0, COUNT))).toEqual(range(0, COUNT).map((i) => (i === 3 ? 0 : 1)));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requestsFor(op));
		expect(hints).toEqual([`1 of ${COUNT} recipients were not sent (1 refused) — see the items with accepted = false`]);
	});

	test('the first recipient refused with Retry On Fail: n8n re-runs the node, nobody gets a second message', async () => {
		// Send: the whole request is refused once (nothing sent), so n8n's re-run may and does send it.
		if (op.operation === 'send') {
			fixture.emulator.inject({ match: { path: op.path }, status: 422, body: { message: 'Invalid number' } });
		} else {
			fixture.api.refusedNumbers.add(phone(100));
		}
		const { items, error } = await send(op, 100, RETRY);
		expect(error).toBeUndefined();
		const firstSent = op.operation === 'send';
		expect(items[0].json).toMatchObject(firstSent ? { accepted: true } : { accepted: false, status: 'refused' });
		expect(storedFor(range(100, COUNT))).toEqual(range(0, COUNT).map((i) => (i > 0 || firstSent ? 1 : 0)));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requestsFor(op) + (firstSent ? 1 : 0));
	});

	test('a 500 after the gateway stored the second request, with Retry On Fail: stored once each, the rest still sent', async () => {
		fixture.emulator.inject({ match: { path: op.path }, skip: 1, status: 500, afterHandling: true });
		const { items, error, hints } = await send(op, 200, RETRY);
		expect(error).toBeUndefined();
		expect(storedFor(range(200, COUNT))).toEqual(range(0, COUNT).map(() => 1));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requestsFor(op));
		const unknown = secondRequest(op);
		items.forEach((item, index) => {
			if (unknown.includes(index)) {
				expect(item.json).toMatchObject({ accepted: false, status: 'unknown', errorCode: 500 });
				expect(item.json.error).toMatch(new RegExp(`^Item ${index}: outcome unknown: BulkTextMessage answered HTTP 500`));
			} else {
				expect(item.json.accepted).toBe(true);
			}
		});
		expect(hints[0]).toMatch(new RegExp(`^${unknown.length} of ${COUNT} recipients were not sent \\(${unknown.length} outcome unknown, never resent\\)`));
	});

	test('a 500 on the first request, with Retry On Fail: the node stops, and its retries send nothing again', async () => {
		fixture.emulator.inject({ match: { path: op.path }, status: 500, afterHandling: true });
		const { error } = await send(op, 300, RETRY);
		expect(error?.message).toMatch(/^Item 0: outcome unknown: BulkTextMessage answered HTTP 500/);
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(1);
		const first = op.operation === 'send' ? 1 : BATCH;
		expect(storedFor(range(300, COUNT))).toEqual(range(0, COUNT).map((i) => (i < first ? 1 : 0)));
	});

	test('an invalid first item with On Error: Continue and Retry On Fail: the valid recipients are stored once each', async () => {
		const items = recipients(COUNT, 400);
		items[0].phone = 'not a number';
		const run = await send(op, 400, { continueOnFail: true, ...RETRY }, items);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ accepted: false, status: 'invalid', errorCode: 'invalidInput' });
		expect(run.items[0].json.error).toMatch(/^Item 0: /);
		expect(storedFor(range(400, COUNT))).toEqual(range(0, COUNT).map((i) => (i === 0 ? 0 : 1)));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(op.operation === 'send' ? COUNT - 1 : 3);
	});

	test('a request refused as a whole is sent again by Retry On Fail: certainly not accepted, so safe', async () => {
		fixture.emulator.inject({ match: { path: op.path }, status: 400, body: { message: 'Try later' } });
		const { items, error } = await send(op, 500, { continueOnFail: true, ...RETRY });
		expect(error).toBeUndefined();
		expect(items.every((item) => item.json.accepted)).toBe(true);
		expect(storedFor(range(500, COUNT))).toEqual(range(0, COUNT).map(() => 1));
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requestsFor(op) + 1);
	});

	test('a redirect after the gateway stored the second request is not followed: one POST, the token stays home', async () => {
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
		expect(fixture.emulator.requestsTo('POST', op.path)).toHaveLength(requestsFor(op));
		expect(storedFor(range(600, COUNT))).toEqual(range(0, COUNT).map(() => 1));
		const unknown = secondRequest(op);
		expect(items[unknown[0]].json).toMatchObject({ accepted: false, status: 'unknown', errorCode: 307 });
		expect(items[unknown[0]].json.error).toContain('with a redirect (HTTP 307), which is not followed');
	});

	test('the token endpoint answering 500 mid-run fails only the batch that needed it, as not sent', async () => {
		fixture.api.expireTokensAfter(1);
		fixture.emulator.inject({ match: { path: EXCHANGE_PATH }, status: 500, body: { message: 'down' } });
		const { items, error } = await send(op, 700, { continueOnFail: true });
		expect(error).toBeUndefined();
		const notSent = secondRequest(op);
		items.forEach((item, index) => {
			if (!notSent.includes(index)) return expect(item.json.accepted).toBe(true);
			expect(item.json).toMatchObject({ accepted: false, status: 'notSent', errorCode: 500 });
			expect(item.json.error).toBe(
				`Item ${index}: BulkTextMessage's token endpoint answered HTTP 500: down; nothing was sent with this request. Try again later.`,
			);
		});
		expect(storedFor(range(700, COUNT))).toEqual(range(0, COUNT).map((i) => (notSent.includes(i) ? 0 : 1)));
	});
});

test('On Error: Continue (using error output): failed recipients go to the error output', async () => {
	fixture.api.refusedNumbers.add(phone(803));
	const { items, errorItems, hints } = await fixture.run(
		sendParameters('sendToMany', { batchSize: BATCH }),
		recipients(COUNT, 800),
		{ onError: 'continueErrorOutput' },
	);
	expect(items).toHaveLength(COUNT - 1);
	expect(errorItems).toHaveLength(1);
	// n8n keeps only the message of an item on the error output.
	expect(errorItems[0].json).toEqual({ error: `Item 3: BulkTextMessage did not accept the message to ${phone(803)} (it answered id -1)` });
	expect(errorItems[0].pairedItem).toEqual({ item: 3 });
	expect(hints).toEqual([`1 of ${COUNT} recipients were not sent (1 refused) — see the error output`]);
});

test('two executions of the same workflow at once, both re-run by Retry On Fail, keep their own records', async () => {
	const batch = (first: number) => {
		const items = recipients(COUNT, first);
		items[0].phone = 'invalid';
		return fixture.run(sendParameters('sendToMany', { batchSize: BATCH }), items, { continueOnFail: true, ...RETRY });
	};
	const [a, b] = await Promise.all([batch(900), batch(1000)]);
	expect(storedFor([...range(901, COUNT - 1), ...range(1001, COUNT - 1)]).every((count) => count === 1)).toBe(true);
	const idOf = (ext: number) => fixture.api.messages.find((message) => message.external_id === ext)?.id;
	for (const [run, first] of [[a, 900], [b, 1000]] as const) {
		run.items.slice(1).forEach((item, position) => {
			expect(item.json.externalId).toBe(first + 1 + position);
			expect(item.json.messageId).toBe(idOf(first + 1 + position));
		});
	}
});
