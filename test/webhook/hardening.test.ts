import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import { MAX_DEPTH } from '../../nodes/shared/webhook/request';
import { get, openTrigger, postJson, postText } from './calls';
import { bulkGateReport, EVENT_FIELDS, sms } from './payloads';

const bulkGate = new BulkGateTrigger();
const bulkTextMessage = new BulkTextMessageTrigger();

/** Every event field null, as on an item for an entry that could not be read. */
const NO_EVENT_FIELDS = Object.fromEntries(
	EVENT_FIELDS.filter((field) => !['provider', 'event', 'raw'].includes(field)).map((field) => [field, null]),
);

function invalid(provider: string, error: string, raw: unknown): IDataObject {
	return { provider, event: 'invalid', ...NO_EVENT_FIELDS, error, raw: raw as IDataObject };
}

describe('bulk calls are not all-or-nothing: a bad entry becomes an invalid item of its own', () => {
	test('BulkGate: 200, every good report emitted, each bad one as an invalid item naming entry and field', async () => {
		const server = await openTrigger(bulkGate);
		const body = [
			bulkGateReport({ smsID: 'a' }),
			bulkGateReport({ smsID: 'b', status: 'delivered' }),
			{ ...bulkGateReport({ smsID: 'c' }), price: [1, 2] },
			{ smsID: 'd' },
			bulkGateReport({ smsID: 'e', status: '3' }),
		];

		const reply = await postJson(server.url, body);

		expect(reply.status).toBe(200);
		expect(server.errors).toEqual([]);
		expect(server.executions).toHaveLength(1);
		const items = server.executions[0];
		expect(items.map((item) => item.event)).toEqual(['delivered', 'invalid', 'invalid', 'invalid', 'failed']);
		expect(items[1]).toEqual(invalid('BulkGate', 'Entry 1: "status" is "delivered", not a status number', body[1]));
		expect(items[2]).toEqual(invalid('BulkGate', 'Entry 2: "price" is a list, not a single value', body[2]));
		expect(items[3]).toEqual(invalid('BulkGate', 'Entry 3: "status" is missing', body[3]));
		expect(items[4]).toMatchObject({ messageId: 'e', event: 'failed' });
	});

	test('BulkGate: 50,000 reports with one poison entry: all 50,000 come out, one of them invalid', async () => {
		const server = await openTrigger(bulkGate);
		const body = Array.from({ length: 50_000 }, (_, index) => bulkGateReport({ smsID: `r${index}` }));
		body[31_337] = { ...body[31_337], status: 'delivered' };

		const reply = await postJson(server.url, body);

		expect(reply.status).toBe(200);
		const items = server.executions[0];
		expect(items).toHaveLength(50_000);
		expect(items.filter((item) => item.event === 'invalid').map((item) => item.error)).toEqual([
			'Entry 31337: "status" is "delivered", not a status number',
		]);
		expect(items.filter((item) => item.event === 'delivered')).toHaveLength(49_999);
	});

	test('BulkGate: a single GET report with a bad status is an invalid item, not a 400', async () => {
		const server = await openTrigger(bulkGate);

		const reply = await get(server.url, bulkGateReport({ status: 'delivered' }));

		expect(reply.status).toBe(200);
		expect(server.executions[0]).toEqual([
			invalid('BulkGate', 'Entry 0: "status" is "delivered", not a status number', bulkGateReport({ status: 'delivered' })),
		]);
	});

	test('BulkGate: entries that are not objects are invalid items carrying the entry', async () => {
		const server = await openTrigger(bulkGate);

		const reply = await postJson(server.url, [1, 'two', null]);

		expect(reply.status).toBe(200);
		expect(server.executions[0]).toEqual([
			invalid('BulkGate', 'Entry 0 is a number, not an object', 1),
			invalid('BulkGate', 'Entry 1 is a string, not an object', 'two'),
			invalid('BulkGate', 'Entry 2 is empty (null), not an object', null),
		]);
	});

	test('invalid items are emitted whatever Events says', async () => {
		const server = await openTrigger(bulkGate, { events: ['failed'] });

		const reply = await postJson(server.url, [bulkGateReport(), bulkGateReport({ status: 'x' })]);

		expect(reply.status).toBe(200);
		expect(server.executions[0].map((item) => item.event)).toEqual(['invalid']);
	});

	test('BulkTextMessage: good messages emitted, each bad entry an invalid item naming entry and field', async () => {
		const server = await openTrigger(bulkTextMessage);
		const body = [
			sms({ id: 1 }),
			sms({ id: 2, status: undefined }),
			{ data: 'x' },
			5,
			sms({ id: 3, status: { code: 1 } }),
			sms({ id: 4, status: 'failed' }),
		];

		const reply = await postJson(server.url, body);

		expect(reply.status).toBe(200);
		const items = server.executions[0];
		expect(items.map((item) => item.event)).toEqual(['delivered', 'invalid', 'invalid', 'invalid', 'invalid', 'failed']);
		const sent = JSON.parse(JSON.stringify(body)) as unknown[];
		expect(items[1]).toEqual(invalid('BulkTextMessage', 'Entry 1: "status" is missing', sent[1]));
		expect(items[2]).toEqual(invalid('BulkTextMessage', 'Entry 2: "data" is a string, not an object', sent[2]));
		expect(items[3]).toEqual(invalid('BulkTextMessage', 'Entry 3 is a number, not an object', 5));
		expect(items[4]).toEqual(
			invalid('BulkTextMessage', 'Entry 4: "status" is an object, not a single value', sent[4]),
		);
	});

	test.each([
		['a GET without any query parameter', async (url: string) => await get(url), /query string is empty/],
		['a JSON string', async (url: string) => await postJson(url, 'status=1'), /JSON object or an array/],
		['a body that is not JSON', async (url: string) => await postText(url, '[{"status": "1"'), /not valid JSON/],
	])('a call that cannot be read at all stays 400: %s', async (_case, call, reason) => {
		const server = await openTrigger(bulkGate);

		const reply = await call(server.url);

		expect(reply.status).toBe(400);
		expect(reply.text).toMatch(reason);
		expect(server.executions).toHaveLength(0);
	});
});

/** An object nested `levels` deep: `{ "a": { "a": … {} } }`, built without recursion. */
function nested(levels: number): IDataObject {
	let value: IDataObject = {};
	for (let level = 1; level < levels; level++) value = { a: value };
	return value;
}

describe(`bodies nested deeper than ${MAX_DEPTH} levels are refused before an execution starts`, () => {
	test.each([
		['BulkGate', bulkGate],
		['BulkTextMessage', bulkTextMessage],
	])('%s: a 20 KB body nested 10,000 levels gets 400', async (_name, trigger) => {
		const server = await openTrigger(trigger);
		// Written out, since JSON.stringify itself overflows the stack on such a value.
		const body = `[{"status":"1","x":${'['.repeat(9_998)}${']'.repeat(9_998)}}]`;

		const reply = await postText(server.url, body, 'application/json');

		expect(reply.status).toBe(400);
		expect(reply.text).toBe(`The body is nested more than ${MAX_DEPTH} levels deep.`);
		expect(server.executions).toHaveLength(0);
		expect(server.errors).toEqual([]);
	});

	test('the limit counts the whole body: an entry at the limit is read, one level more is refused', async () => {
		const server = await openTrigger(bulkGate);
		// The array, the report, then the nested field.
		const atLimit = [{ ...bulkGateReport(), extra: nested(MAX_DEPTH - 2) }];
		const overLimit = [{ ...bulkGateReport(), extra: nested(MAX_DEPTH - 1) }];

		expect((await postJson(server.url, atLimit)).status).toBe(200);
		expect((await postJson(server.url, overLimit)).status).toBe(400);
		expect(server.executions).toHaveLength(1);
	});
});

describe('secrets that can never match are refused at activation, naming the field', () => {
	test.each([
		[{ authentication: 'headerSecret', headerSecret: ' s3cret-value' }, /^Secret starts or ends with a space/],
		[{ authentication: 'headerSecret', headerSecret: 's3cret-value\t' }, /^Secret starts or ends with a space/],
		[{ authentication: 'headerSecret', headerSecret: 'sécret-value' }, /^Secret has a character outside printable ASCII/],
		[{ authentication: 'headerSecret', headerSecret: 'key-🔑-value' }, /^Secret has a character outside printable ASCII/],
		[{ authentication: 'basicAuth', basicAuthUser: 'gate:way', basicAuthPassword: 'pw' }, /^User contains ":"/],
	])('%p', async (parameters, message) => {
		for (const trigger of [bulkGate, bulkTextMessage]) {
			const server = await openTrigger(trigger, parameters);
			const context = server.hookContext();

			await expect(trigger.webhookMethods.default.create.call(context)).rejects.toThrow(message);
			expect(context.getWorkflowStaticData('node').webhookUrl).toBeUndefined();
		}
	});

	test('secrets that can match still activate: inner spaces, ASCII punctuation, a colon in the password', async () => {
		for (const parameters of [
			{ authentication: 'headerSecret', headerSecret: 'two words & symbols: !#$%' },
			{ authentication: 'basicAuth', basicAuthUser: 'gateway', basicAuthPassword: 'pass:word' },
		]) {
			const server = await openTrigger(bulkGate, parameters);
			expect(await bulkGate.webhookMethods.default.create.call(server.hookContext())).toBe(true);
		}
	});
});

test('the token query parameter is stripped from raw whatever its case, every occurrence', async () => {
	const secret = `${randomBytes(12).toString('hex')}-Query`;
	const server = await openTrigger(bulkGate, { authentication: 'queryToken', queryToken: secret });
	const query = new URLSearchParams(bulkGateReport());
	const url = `${server.url}?token=${secret}&Token=${secret}&TOKEN=${secret}&${query.toString()}`;

	const reply = await get(url);

	expect(reply.status).toBe(200);
	const [event] = server.executions[0];
	expect(event.raw).toEqual(bulkGateReport());
	expect(JSON.stringify(server.executions)).not.toContain(secret);
});

describe('BulkTextMessage Trigger reads created.timezone as an offset as well as a zone name', () => {
	test.each([
		['+05:00', 1, '2026-04-11T05:07:05.000Z'],
		['-03:30', 1, '2026-04-11T13:37:05.000Z'],
		['+0200', 1, '2026-04-11T08:07:05.000Z'],
		['Z', 1, '2026-04-11T10:07:05.000Z'],
		['Europe/Prague', 3, '2026-04-11T08:07:05.000Z'],
		['UTC', 3, '2026-04-11T10:07:05.000Z'],
	])('%s', async (timezone, timezoneType, receivedAt) => {
		const server = await openTrigger(bulkTextMessage);

		await postJson(
			server.url,
			sms({
				direction: 'incoming',
				status: 'received',
				created: { date: '2026-04-11 10:07:05.000000', timezone, timezone_type: timezoneType },
			}),
		);

		expect(server.executions[0][0]).toMatchObject({ event: 'inbound', receivedAt });
	});
});
