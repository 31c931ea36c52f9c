import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import { get, openTrigger, postForm, postJson } from './calls';
import { EVENT_FIELDS, sms } from './payloads';

const trigger = new BulkTextMessageTrigger();

describe('BulkTextMessage Trigger: body forms', () => {
	test('one SMS object', async () => {
		const server = await openTrigger(trigger);
		const message = sms();

		const reply = await postJson(server.url, message);

		expect(reply.status).toBe(200);
		expect(reply.text).toBe('OK');
		expect(server.executions).toHaveLength(1);
		const [item] = server.executions[0];
		expect(Object.keys(item).sort()).toEqual([...EVENT_FIELDS].sort());
		expect(item).toMatchObject({
			provider: 'BulkTextMessage',
			event: 'delivered',
			messageId: message.id,
			externalId: message.external_id,
			to: message.number,
			from: null,
			text: message.content,
			status: message.status,
			statusCode: null,
		});
		expect(item.raw).toEqual(message);
	});

	test('a status change carries when BulkTextMessage created the SMS; it reports no sent or delivered time', async () => {
		const server = await openTrigger(trigger);

		await postJson(server.url, sms({ status: 'delivered' }));

		expect(server.executions[0][0]).toMatchObject({
			createdAt: new Date(Date.UTC(2026, 3, 11, 10, 7, 5)).toISOString(),
			sentAt: null,
			deliveredAt: null,
			receivedAt: null,
		});
	});

	test('a created time in another zone becomes UTC', async () => {
		const server = await openTrigger(trigger);
		const created = { date: '2026-07-01 12:00:00.000000', timezone: 'Europe/London', timezone_type: 3 };

		await postJson(server.url, sms({ created }));

		expect(server.executions[0][0].createdAt).toBe(new Date(Date.UTC(2026, 6, 1, 11, 0, 0)).toISOString());
	});

	test('numbers without + become E.164; raw keeps them as sent', async () => {
		const server = await openTrigger(trigger);
		const message = sms({ number: '447700900123' });

		await postJson(server.url, message);

		expect(server.executions[0][0].to).toBe('+447700900123');
		expect((server.executions[0][0].raw as { number: string }).number).toBe('447700900123');
	});

	test('an SMS wrapped as { data: SMS }', async () => {
		const server = await openTrigger(trigger);
		const message = sms({ status: 'failed' });

		await postJson(server.url, { data: message });

		expect(server.executions[0]).toHaveLength(1);
		expect(server.executions[0][0]).toMatchObject({
			event: 'failed',
			messageId: message.id,
			to: message.number,
		});
		expect(server.executions[0][0].raw).toEqual({ data: message });
	});

	test('an array of SMS objects: one execution, one item each, in order', async () => {
		const server = await openTrigger(trigger);
		const messages = [
			sms({ id: 1, status: 'queued' }),
			sms({ id: 2, direction: 'incoming', status: 'received', number: '+15555550199' }),
			sms({ id: 3, status: 'delivered' }),
		];

		await postJson(server.url, messages);

		expect(server.executions).toHaveLength(1);
		expect(server.executions[0].map((item) => item.messageId)).toEqual(messages.map((m) => m.id));
		expect(server.executions[0].map((item) => item.event)).toEqual([
			'status',
			'inbound',
			'delivered',
		]);
	});

	test('form fields, with flat created[date]: ids become numbers', async () => {
		const server = await openTrigger(trigger);
		const fields = {
			id: '4712',
			content: 'STOP',
			number: '+15555550123',
			direction: 'incoming',
			status: 'received',
			external_id: '',
			'created[date]': '2026-01-05 23:59:58.000000',
			'created[timezone]': 'UTC',
		};

		await postForm(server.url, fields);

		expect(server.executions[0][0]).toMatchObject({
			event: 'inbound',
			messageId: Number(fields.id),
			externalId: null,
			from: fields.number,
			text: fields.content,
			receivedAt: new Date(Date.UTC(2026, 0, 5, 23, 59, 58)).toISOString(),
		});
	});

	test('a GET with the SMS fields in the query', async () => {
		const server = await openTrigger(trigger);

		await get(server.url, {
			id: '9',
			number: '+15555550100',
			direction: 'sending',
			status: 'sent',
		});

		expect(server.executions[0][0]).toMatchObject({
			event: 'status',
			messageId: 9,
			status: 'sent',
		});
	});
});

describe('BulkTextMessage Trigger: statuses', () => {
	test.each([
		['delivered', 'delivered'],
		['failed', 'failed'],
		['undelivered', 'failed'],
		['rejected', 'failed'],
		['Failed', 'failed'],
		['DELIVERED', 'delivered'],
		['queued', 'status'],
		['sent', 'status'],
		['expired', 'status'],
	])('a sent message with status %s is a %s event', async (status, event) => {
		const server = await openTrigger(trigger);

		await postJson(server.url, sms({ status }));

		expect(server.executions[0][0]).toMatchObject({ event, status: status.toLowerCase() });
	});

	test('an incoming message is inbound: sender, text and receipt time (UTC)', async () => {
		const server = await openTrigger(trigger);
		const message = sms({
			direction: 'incoming',
			status: 'received',
			number: '+447700900123',
			content: 'Yes, please',
			external_id: null,
			created: { date: '2026-03-29 01:30:15.000000', timezone: 'UTC', timezone_type: 3 },
		});

		await postJson(server.url, message);

		expect(server.executions[0][0]).toMatchObject({
			event: 'inbound',
			from: message.number,
			to: null,
			text: message.content,
			externalId: null,
			receivedAt: new Date(Date.UTC(2026, 2, 29, 1, 30, 15)).toISOString(),
			createdAt: new Date(Date.UTC(2026, 2, 29, 1, 30, 15)).toISOString(),
			sentAt: null,
			deliveredAt: null,
		});
	});
});

describe('BulkTextMessage Trigger: calls that cannot be read get 400 and start nothing', () => {
	test.each([
		['a number', 42, /JSON object or an array/],
	])('%s', async (_case, body, reason) => {
		const server = await openTrigger(trigger);

		const reply = await postJson(server.url, body);

		expect(reply.status).toBe(400);
		expect(reply.text).toMatch(reason);
		expect(server.executions).toHaveLength(0);
		expect(server.errors).toEqual([]);
	});
});
