import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import { openTrigger, postJson } from './calls';
import { sms } from './payloads';

/** One report of every BulkGate status kind, each with its own id. */
const mixedReports = ['1', '2', '3', '10', '13', '6'].map((status) => ({
	status,
	smsID: `id-${status}`,
}));

describe('Events option', () => {
	test('by default every event starts the workflow', async () => {
		const server = await openTrigger(new BulkGateTrigger());

		await postJson(server.url, mixedReports);

		expect(server.executions).toHaveLength(1);
		expect(server.executions[0].map((item) => item.messageId)).toEqual(
			mixedReports.map((r) => r.smsID),
		);
	});

	test('only the chosen events become items, still in the order they came', async () => {
		const server = await openTrigger(new BulkGateTrigger(), {
			events: ['failed', 'delivered', 'status'],
		});

		const reply = await postJson(server.url, mixedReports);

		expect(reply.status).toBe(200);
		expect(server.executions).toHaveLength(1);
		expect(server.executions[0].map((item) => item.messageId)).toEqual(['id-1', 'id-3', 'id-6']);
	});

	test('a call with none of the chosen events is acknowledged and starts nothing', async () => {
		const server = await openTrigger(new BulkGateTrigger(), { events: ['inbound'] });

		const reply = await postJson(
			server.url,
			mixedReports.filter((report) => report.status !== '10'),
		);

		expect(reply.status).toBe(200);
		expect(reply.text).toBe('OK');
		expect(server.executions).toHaveLength(0);
	});

	test('BulkTextMessage filters the same way', async () => {
		const server = await openTrigger(new BulkTextMessageTrigger(), { events: ['inbound'] });
		const messages = [
			sms({ id: 1, status: 'delivered' }),
			sms({ id: 2, direction: 'incoming', status: 'received' }),
			sms({ id: 3, status: 'queued' }),
			sms({ id: 4, direction: 'incoming', status: 'received' }),
		];

		await postJson(server.url, messages);

		expect(server.executions[0].map((item) => item.messageId)).toEqual([2, 4]);
	});

	test('each trigger offers the events its gateway can report, all chosen by default', () => {
		const offered = (description: {
			properties: Array<{ name: string; options?: unknown; default: unknown }>;
		}) => {
			const events = description.properties.find((property) => property.name === 'events');
			return {
				values: (events?.options as Array<{ value: string }>).map((option) => option.value),
				default: events?.default,
			};
		};

		const bulkGate = offered(new BulkGateTrigger().description);
		const bulkTextMessage = offered(new BulkTextMessageTrigger().description);

		expect(bulkGate.values.sort()).toEqual([
			'buffered',
			'delivered',
			'failed',
			'inbound',
			'seen',
			'status',
		]);
		expect(bulkTextMessage.values.sort()).toEqual(['delivered', 'failed', 'inbound', 'status']);
		expect((bulkGate.default as string[]).sort()).toEqual(bulkGate.values);
		expect((bulkTextMessage.default as string[]).sort()).toEqual(bulkTextMessage.values);
	});
});
