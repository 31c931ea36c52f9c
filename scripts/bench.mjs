// Benchmark of the batched send operations against the local emulator, through n8n-core's engine.
// Run with `npm run bench` (builds first). Not part of the tests: it measures, it asserts nothing.
// Options: --quick (1,000 and 10,000 recipients only), --latency=100,0, --service=bulkGate
import { execFileSync, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const latencies = (args.find((a) => a.startsWith('--latency='))?.split('=')[1] ?? '100,0').split(',').map(Number);
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const BATCH_SIZE = 500;
const only = args.find((a) => a.startsWith('--service='))?.split('=')[1];
const SERVICES = [
	{ service: 'bulkTextMessage', label: 'BulkTextMessage Send to Many', batched: 'sendToMany', perItem: 'send' },
	{ service: 'bulkGate', label: 'BulkGate Send Promotional', batched: 'sendPromotional', perItem: 'sendTransactional' },
].filter((s) => !only || s.service === only);

const emulator = fork(here('./bench/emulator.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const next = () => new Promise((resolve) => emulator.once('message', resolve));
const urls = await next();
const stats = async () => {
	const reply = next();
	emulator.send({ stats: true });
	return await reply;
};

function child(script, spec) {
	const out = execFileSync(process.execPath, ['--max-old-space-size=4096', here(script), JSON.stringify(spec)], {
		encoding: 'utf8',
		maxBuffer: 1 << 26,
		env: { ...process.env, N8N_USER_FOLDER: os.tmpdir() },
	});
	return JSON.parse(out.trim().split('\n').pop());
}

async function scenario(spec) {
	await stats();
	const result = child('./bench/scenario.mjs', { ...spec, urls });
	return { ...result, ...(await stats()) };
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rows = [];
const print = (line) => process.stdout.write(`${line}\n`);

print(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
print(`Batch size ${BATCH_SIZE}; per-item sends are the Send / Send Transactional operations (one request per item, one after another).`);

for (const latencyMs of latencies) {
	emulator.send({ latencyMs });
	for (const { service, label, batched, perItem } of SERVICES) {
		let perItemMsPerRecipient;
		let perItemMeasuredAt = 0;
		for (const count of SIZES) {
			const node = await scenario({ service, operation: batched, count, batchSize: BATCH_SIZE });
			const raw = child('./bench/raw.mjs', { service, count, batchSize: BATCH_SIZE, urls });
			await stats();
			// Sequential single requests cost at least the latency each: measure up to 1,000 at 100 ms
			// (10,000 at 0 ms) and extrapolate above that, saying so.
			const measurePerItem = count <= (latencyMs > 0 ? 1_000 : 10_000);
			let single;
			if (measurePerItem) {
				single = await scenario({ service, operation: perItem, count });
				perItemMsPerRecipient = single.wallMs / count;
				perItemMeasuredAt = count;
			} else {
				single = { wallMs: perItemMsPerRecipient * count, requests: count + 1, estimated: true };
			}
			const row = {
				latencyMs,
				label,
				count,
				requests: node.requests,
				tokenExchanges: node.tokenExchanges,
				wallMs: node.wallMs,
				perSecond: (count / node.wallMs) * 1000,
				peakRssMb: node.peakRssMb,
				failed: node.failed,
				perItemRequests: single.requests,
				perItemWallMs: single.wallMs,
				perItemEstimated: single.estimated ? perItemMeasuredAt : 0,
				rawMs: raw.wallMs,
			};
			rows.push(row);
			print(
				`${latencyMs} ms | ${label} | ${fmt(count)} recipients: ${node.requests} requests (${node.tokenExchanges} token), ` +
					`${fmt(node.wallMs)} ms, ${fmt(row.perSecond)}/s, peak RSS ${fmt(node.peakRssMb)} MB, ${node.failed} failed | ` +
					`per item ${single.requests} requests, ${fmt(single.wallMs)} ms${single.estimated ? ' (est.)' : ''} | raw ${fmt(raw.wallMs)} ms`,
			);
		}
	}
}

const dlr = child('./bench/dlr.mjs', {});
emulator.send({ stop: true });

print('\n| Latency | Operation | Recipients | Requests (token) | Wall time | Recipients/s | Peak RSS | Per item: requests / wall | Fewer requests | Faster | Node / raw floor |');
print('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
	const est = r.perItemEstimated ? ` (est. from ${fmt(r.perItemEstimated)})` : '';
	print(
		`| ${r.latencyMs} ms | ${r.label} | ${fmt(r.count)} | ${fmt(r.requests)} (${r.tokenExchanges}) | ${fmt(r.wallMs / 1000, 2)} s | ${fmt(r.perSecond)} | ${fmt(r.peakRssMb)} MB | ` +
			`${fmt(r.perItemRequests)} / ${fmt(r.perItemWallMs / 1000, 1)} s${est} | ${fmt(r.perItemRequests / r.requests)}× | ${fmt(r.perItemWallMs / r.wallMs)}× | ${fmt(r.wallMs / r.rawMs, 2)}× |`,
	);
}
print(
	`\nBulkGate Trigger, one bulk POST of ${fmt(dlr.items)} delivery reports: HTTP ${dlr.status}, ${fmt(dlr.items)} items ` +
		`(${dlr.inOrder ? 'in order' : 'NOT in order'}) in ${fmt(dlr.elapsedMs)} ms, extra heap ${fmt(dlr.extraHeapMb, 1)} MB, extra RSS ${fmt(dlr.extraRssMb, 1)} MB`,
);
