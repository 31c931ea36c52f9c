import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { get, openTrigger, postJson, postText } from './calls';
import { bulkGateReport, czechTimeAsUtc, EVENT_FIELDS } from './payloads';

const trigger = new BulkGateTrigger();

describe('BulkGate Trigger: single report (GET)', () => {
	test.each([
		['1', 'delivered', 'delivered'],
		['2', 'buffered', 'buffered'],
		['3', 'failed', 'failed'],
		['10', 'inbound', 'received'],
		['13', 'seen', 'seen'],
		['6', 'status', 'accepted'],
		['8', 'status', 'expired'],
		['0', 'status', 'unknown'],
		['42', 'status', 'unknown'],
	])('status %s becomes a %s event with status "%s"', async (status, event, word) => {
		const server = await openTrigger(trigger);
		const report = bulkGateReport({ status, smsID: `sms-${status}` });

		const reply = await get(server.url, report);

		expect(reply.status).toBe(200);
		expect(reply.text).toBe('OK');
		expect(server.executions).toHaveLength(1);
		expect(server.executions[0]).toHaveLength(1);
		expect(server.executions[0][0]).toMatchObject({
			provider: 'BulkGate',
			event,
			messageId: report.smsID,
			to: `+${report.to}`,
			status: word,
			statusCode: Number(status),
			channel: report.channel,
			price: Number(report.price),
			externalId: null,
		});
		expect(server.executions[0][0].raw).toEqual(report);
	});

	test('every event field is present; what BulkGate did not send is null', async () => {
		const server = await openTrigger(trigger);

		await get(server.url, { status: '3' });

		const [item] = server.executions[0];
		expect(Object.keys(item).sort()).toEqual([...EVENT_FIELDS].sort());
		for (const field of [
			'messageId',
			'to',
			'from',
			'text',
			'channel',
			'price',
			'createdAt',
			'sentAt',
			'deliveredAt',
			'receivedAt',
		]) {
			expect(item[field]).toBeNull();
		}
	});

	test('an incoming SMS carries sender, text and receipt time', async () => {
		const server = await openTrigger(trigger);
		const incoming = {
			status: '10',
			from: '420777777777',
			to: '420608000000',
			message: 'Příliš žluťoučký kůň, STOP',
			channel: 'sms',
			smsdetails: 'GSM;2601151320',
		};

		await get(server.url, incoming);

		expect(server.executions[0][0]).toMatchObject({
			provider: 'BulkGate',
			event: 'inbound',
			status: 'received',
			statusCode: 10,
			from: `+${incoming.from}`,
			to: `+${incoming.to}`,
			text: incoming.message,
			receivedAt: czechTimeAsUtc([2026, 1, 15, 13, 20, 1]),
		});
		expect(server.executions[0][0].raw).toEqual(incoming);
	});
});

describe('BulkGate Trigger: bulk reports (POST JSON array)', () => {
	test('one execution with one item per report, in order, incoming text read from "text"', async () => {
		const server = await openTrigger(trigger);
		const reports = [
			{ status: '1', smsID: '3t2563af3ff285', price: '0.71', date: '1904111007;1904111011' },
			{ status: '2', smsID: '2t2563af3ff285', price: '0.71', date: '1904111007;1904111011' },
			{ status: '10', from: '420777777777', text: 'answer text' },
			{ status: '3', smsID: '1t2563af3ff285' },
		];

		const reply = await postJson(server.url, reports);

		expect(reply.status).toBe(200);
		expect(reply.text).toBe('OK');
		expect(server.executions).toHaveLength(1);
		const items = server.executions[0];
		expect(items.map((item) => item.event)).toEqual(['delivered', 'buffered', 'inbound', 'failed']);
		expect(items.map((item) => item.raw)).toEqual(reports);
		expect(items.map((item) => item.provider)).toEqual(['BulkGate', 'BulkGate', 'BulkGate', 'BulkGate']);
		expect(items.map((item) => item.status)).toEqual(['delivered', 'buffered', 'received', 'failed']);
		expect(items.map((item) => item.statusCode)).toEqual([1, 2, 10, 3]);
		expect(items[0].messageId).toBe(reports[0].smsID);
		expect(items[2]).toMatchObject({ from: `+${reports[2].from}`, text: reports[2].text });
	});

	test('an incoming SMS without any time is received when the call came; without "to" it stays null', async () => {
		const server = await openTrigger(trigger);
		const before = new Date().toISOString();

		await postJson(server.url, [{ status: '10', from: '420777777777', text: 'answer text' }]);

		const after = new Date().toISOString();
		const [item] = server.executions[0];
		expect(item).toMatchObject({ event: 'inbound', to: null, sentAt: null, deliveredAt: null });
		const receivedAt = String(item.receivedAt);
		expect(new Date(receivedAt).toISOString()).toBe(receivedAt);
		expect(receivedAt >= before && receivedAt <= after).toBe(true);
	});

	test('numbers are E.164 whether BulkGate writes them with +, 00 or bare digits', async () => {
		const server = await openTrigger(trigger);
		const reports = [
			{ status: '1', smsID: 'a', to: '420777000001' },
			{ status: '1', smsID: 'b', to: '+420777000002' },
			{ status: '1', smsID: 'c', to: '00420777000003' },
			{ status: '10', from: 'BulkGate', to: '420608000000', text: 'hi' },
		];

		await postJson(server.url, reports);

		const items = server.executions[0];
		expect(items.map((item) => item.to)).toEqual([
			'+420777000001',
			'+420777000002',
			'+420777000003',
			'+420608000000',
		]);
		expect(items[3].from).toBe('BulkGate');
		expect(items.map((item) => item.raw)).toEqual(reports);
	});

	test('numbers sent as JSON numbers read the same as strings', async () => {
		const server = await openTrigger(trigger);

		await postJson(server.url, [{ status: 1, smsID: 'a', price: 0.5 }]);

		expect(server.executions[0][0]).toMatchObject({
			event: 'delivered',
			status: 'delivered',
			statusCode: 1,
			price: 0.5,
		});
	});

	test('an empty array is acknowledged and starts nothing', async () => {
		const server = await openTrigger(trigger);

		const reply = await postJson(server.url, []);

		expect(reply.status).toBe(200);
		expect(server.executions).toHaveLength(0);
	});
});

describe('BulkGate Trigger: report dates (Czech time) become UTC', () => {
	test.each([
		['summer (CEST)', '2604111007;2604111011', [2026, 4, 11, 10, 7, 2], [2026, 4, 11, 10, 11, 2]],
		['winter (CET)', '2601111007;2601111011', [2026, 1, 11, 10, 7, 1], [2026, 1, 11, 10, 11, 1]],
		[
			'across the March change',
			'2603290159;2603290300',
			[2026, 3, 29, 1, 59, 1],
			[2026, 3, 29, 3, 0, 2],
		],
		[
			'across the October change',
			'2610250159;2610250300',
			[2026, 10, 25, 1, 59, 2],
			[2026, 10, 25, 3, 0, 1],
		],
	] as const)('%s', async (_season, date, sent, delivered) => {
		const server = await openTrigger(trigger);

		await get(server.url, bulkGateReport({ date }));

		expect(server.executions[0][0]).toMatchObject({
			sentAt: czechTimeAsUtc(sent),
			deliveredAt: czechTimeAsUtc(delivered),
		});
	});

	test.each(['yesterday', '2613321007;2602301200'])(
		'a date that is not a BulkGate time (%s) is null, and kept in raw',
		async (date) => {
			const server = await openTrigger(trigger);

			await get(server.url, bulkGateReport({ date }));

			expect(server.executions[0][0]).toMatchObject({ sentAt: null, deliveredAt: null });
			expect((server.executions[0][0].raw as { date: string }).date).toBe(date);
		},
	);
});

describe('BulkGate Trigger: calls that cannot be read get 400 and start nothing', () => {
	test.each([
		[
			'a JSON string',
			async (url: string) => await postJson(url, 'status=1'),
			/JSON object or an array/,
		],
		[
			'invalid JSON as text/plain',
			async (url: string) => await postText(url, '[{"status": "1"},]', 'text/plain'),
			/not valid JSON/,
		],
		[
			'invalid JSON without a content type',
			async (url: string) => await postText(url, '[{"status": "1"'),
			/not valid JSON/,
		],
		['an empty body', async (url: string) => await postText(url, ''), /empty/],
	])('%s', async (_case, call, reason) => {
		const server = await openTrigger(trigger);

		const reply = await call(server.url);

		expect(reply.status).toBe(400);
		expect(reply.text).toMatch(reason);
		expect(server.errors).toEqual([]);
		expect(server.executions).toHaveLength(0);
	});

	test('unparsable JSON sent as application/json is refused by n8n before the node runs', async () => {
		const server = await openTrigger(trigger);

		const reply = await postText(server.url, '[{"status": "1"},]', 'application/json');

		expect(reply.status).toBe(422);
		expect(server.executions).toHaveLength(0);
	});
});
