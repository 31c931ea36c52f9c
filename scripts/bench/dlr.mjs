// One bulk delivery-report POST of 10,000 entries to the BulkGate Trigger, in a fresh process.
// Prints one JSON line: time until the execution's items exist, and the memory it took.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startWebhookServer } = require('../../.scripts-build/test/webhook/harness.js');
const { BulkGateTrigger } = require('../../.scripts-build/nodes/BulkGate/BulkGateTrigger.node.js');

const COUNT = 10_000;
const pad = (value) => String(value).padStart(2, '0');
const reports = Array.from({ length: COUNT }, (_, i) => ({
	status: ['1', '2', '3', '13'][i % 4],
	smsID: `bench-${i}`,
	to: '420777777777',
	price: '0.0261',
	channel: 'sms',
	date: `2604${pad(1 + (i % 28))}${pad(i % 24)}${pad(i % 60)};2604${pad(1 + (i % 28))}${pad(i % 24)}${pad((i + 3) % 60)}`,
}));

const server = await startWebhookServer(new BulkGateTrigger(), {});
const postJson = async (url, body) =>
	await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
// Warm the path once with a small call so the figure is the steady cost of a bulk call.
await postJson(server.url, reports.slice(0, 10));
server.executions.length = 0;
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const reply = await postJson(server.url, reports);
const elapsedMs = performance.now() - started;
const items = server.executions[0]?.length ?? 0;
const heapAfter = process.memoryUsage().heapUsed;
const rssAfter = process.memoryUsage().rss;
process.stdout.write(
	`${JSON.stringify({
		status: reply.status,
		items,
		inOrder: server.executions[0]?.every((item, i) => item.messageId === `bench-${i}`) ?? false,
		elapsedMs,
		extraHeapMb: (heapAfter - heapBefore) / 1024 / 1024,
		extraRssMb: (rssAfter - rssBefore) / 1024 / 1024,
	})}\n`,
);
await server.close();
