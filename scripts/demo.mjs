// The demo (npm run demo [-- --port 5678]): a real n8n on 127.0.0.1 with this package installed,
// an owner account, sandbox credentials and every example workflow, in front of a local sandbox
// of both gateways that posts delivery reports back to the trigger workflows. Ctrl-C stops it.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEWEST_N8N, N8n, OWNER, installN8n, installPackage, loadSandbox } from './n8n/instance.mjs';
import { loadExamples, reportTargets, sandboxCredentials, triggerOf } from './n8n/workflows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const port = Number(argv.includes('--port') ? argv[argv.indexOf('--port') + 1] : 5678);
const version = process.env.N8N_DEMO_VERSION ?? NEWEST_N8N;
const step = (text) => console.log(`\n== ${text}`);

async function portIsFree(candidate) {
	try {
		await fetch(`http://127.0.0.1:${candidate}/`, { signal: AbortSignal.timeout(1000) });
		return false;
	} catch (error) {
		return error.cause?.code === 'ECONNREFUSED';
	}
}

async function main() {
	for (const candidate of [port, port + 1, port + 2]) {
		if (!(await portIsFree(candidate))) {
			throw new Error(`Port ${candidate} on 127.0.0.1 is in use. Stop what uses it, or run: npm run demo -- --port 6789`);
		}
	}

	step(`n8n ${version} (installed once into the cache; the first time takes 10–15 minutes)`);
	const install = installN8n(version);
	console.log(`ready in ${install.dir}`);

	step('building and packing n8n-nodes-bulk-sms');
	const cache = join(install.dir, '..');
	const work = join(cache, 'demo');
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	const n8n = new N8n({ install, home: join(work, 'home'), port });
	installPackage(root, n8n.home, work);

	const { Sandbox, SANDBOX_ACCOUNT } = loadSandbox(root);
	const examples = loadExamples(root);
	const triggers = examples.filter(triggerOf);
	const sandbox = await new Sandbox({
		reportTargets: reportTargets(n8n.url, examples),
		reportDelayMs: 2000,
		onDelivery: ({ service, reports, answer }) =>
			console.log(`sandbox → ${service} trigger webhook: ${reports} report(s), answer ${answer}`),
	}).start();
	const stop = async () => {
		await n8n.stop();
		await sandbox.close();
	};
	process.on('exit', () => n8n.kill());
	process.on('SIGINT', () => {
		console.log('\nstopping n8n and the sandbox…');
		void stop().then(() => process.exit(0));
	});

	step('importing the sandbox credentials and the example workflows');
	await n8n.importAll(sandboxCredentials(sandbox, SANDBOX_ACCOUNT), examples, join(work, 'import'));
	for (const { workflow } of triggers) await n8n.cliOrThrow('publish:workflow', `--id=${workflow.id}`);

	step(`starting n8n on ${n8n.url}`);
	await n8n.start();
	await n8n.setUpOwner();

	const name = (fileName) => examples.find((e) => e.name === fileName).workflow.name;
	console.log(`
n8n-nodes-bulk-sms demo is running.

  n8n      ${n8n.url}
           sign in as ${OWNER.email} / ${OWNER.password}
  sandbox  ${sandbox.url}: BulkTextMessage and BulkGate, emulated on this machine. The
           credentials "BulkTextMessage sandbox" and "BulkGate sandbox" point at it; nothing
           leaves 127.0.0.1 and no real SMS is sent.

Try it:
  1. Open "${name('bulktextmessage-send-to-many')}" and click "Execute workflow".
  2. Two seconds later the sandbox posts the delivery reports: open
     "${name('bulktextmessage-status-updates')}" → Executions.
  3. The same for BulkGate: "${name('bulkgate-send-promotional')}", then
     "${name('bulkgate-delivery-reports')}" → Executions.
  4. An incoming SMS:
     curl -H 'content-type: application/json' -d '{"service":"bulkGate","from":"+420777000111","text":"YES"}' ${sandbox.url}/_sandbox/inbound

Every example workflow is there, one per operation. The demo starts fresh each time.
Ctrl-C stops n8n and the sandbox.
`);
}

main().catch((error) => {
	console.error(`\nThe demo could not start: ${error.message}`);
	process.exit(1);
});
