// Prints how long a 10,000-report call takes; the figure is part of what this test reports.
/* eslint-disable no-console */
import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { MAX_ENTRIES } from '../../nodes/shared/webhook/request';
import { openTrigger, postJson } from './calls';

const STATUSES = ['1', '2', '3', '10', '13', '6'];

/** Day 11 of the month, `minuteOfDay` minutes after midnight, as DDhhmm. */
function minute(minuteOfDay: number): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `11${pad(Math.floor(minuteOfDay / 60))}${pad(minuteOfDay % 60)}`;
}

function reports(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		status: STATUSES[index % STATUSES.length],
		smsID: `bulk-${index}`,
		to: '420777777777',
		price: '0.0261',
		channel: 'sms',
		// Reports of one batch span many send and delivery minutes, as real traffic does.
		date: `2604${minute(index % 1440)};2604${minute((index + 7) % 1440)}`,
	}));
}

describe('bulk volume', () => {
	test('10,000 reports in one POST: one execution, every report, in order', async () => {
		const server = await openTrigger(new BulkGateTrigger());
		const body = reports(10_000);

		const started = performance.now();
		const reply = await postJson(server.url, body);
		const elapsed = performance.now() - started;
		console.log(`10,000-report bulk POST answered in ${elapsed.toFixed(0)} ms`);

		expect(reply.status).toBe(200);
		expect(server.executions).toHaveLength(1);
		expect(server.executions[0].map((item) => item.messageId)).toEqual(
			body.map((report) => report.smsID),
		);
		expect(new Set(server.executions[0].map((item) => item.sentAt)).size).toBe(1440);
	});

	test(`${MAX_ENTRIES} reports are accepted`, async () => {
		const server = await openTrigger(new BulkGateTrigger());

		const reply = await postJson(server.url, reports(MAX_ENTRIES));

		expect(reply.status).toBe(200);
		expect(server.executions[0]).toHaveLength(MAX_ENTRIES);
	});

	test.each([MAX_ENTRIES + 1, 100_000])(
		'%i reports are refused with 413 and start nothing',
		async (count) => {
			const server = await openTrigger(new BulkGateTrigger());

			const reply = await postJson(server.url, reports(count));

			expect(reply.status).toBe(413);
			expect(reply.text).toContain(String(count));
			expect(server.executions).toHaveLength(0);
		},
	);
});
