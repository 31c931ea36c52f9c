// npm run screenshots [-- --port 5678]: starts the demo's set-up (a real n8n with this package,
// the sandbox credentials and every example), opens every example workflow in n8n's editor in
// headless Chromium and fails, naming the workflow, when the editor shows a problem; then writes
// the README's pictures into docs/. Needs Debian's `chromium` (or CHROMIUM_PATH).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Editor } from './n8n/editor.mjs';
import { NEWEST_N8N, N8n, OWNER, installN8n, installPackage, loadSandbox } from './n8n/instance.mjs';
import { PACKAGE, loadExamples, reportTargets, sandboxCredentials, triggerOf } from './n8n/workflows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = join(root, 'docs');
const argv = process.argv.slice(2);
const port = Number(argv.includes('--port') ? argv[argv.indexOf('--port') + 1] : 5678);
const started = Date.now();
const step = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${text}`);

/** The example and node of this package that do `operation`, found by type and value, not by name. */
function exampleWith(examples, nodeType, operation) {
	for (const example of examples) {
		const node = example.workflow.nodes.find((candidate) => candidate.type === `${PACKAGE}.${nodeType}` && candidate.parameters.operation === operation);
		if (node) return { example, node };
	}
	throw new Error(`No example workflow uses ${nodeType} → ${operation}`);
}

async function startN8n() {
	const install = installN8n(NEWEST_N8N);
	const work = join(install.dir, '..', `screenshots-${port}`);
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	const n8n = new N8n({ install, home: join(work, 'home'), port });
	installPackage(root, n8n.home, work);
	const { Sandbox, SANDBOX_ACCOUNT } = loadSandbox(root);
	const examples = loadExamples(root);
	const sandbox = await new Sandbox({ reportTargets: reportTargets(n8n.url, examples), reportDelayMs: 500 }).start();
	process.on('exit', () => n8n.kill());
	await n8n.importAll(sandboxCredentials(sandbox, SANDBOX_ACCOUNT), examples, join(work, 'import'));
	for (const { workflow } of examples.filter(triggerOf)) await n8n.cliOrThrow('publish:workflow', `--id=${workflow.id}`);
	await n8n.start();
	await n8n.setUpOwner();
	return { n8n, sandbox, examples };
}

/** The newest finished execution of a workflow, waited for (the sandbox posts reports shortly after a send). */
async function latestExecution(n8n, workflowId) {
	for (let attempt = 0; attempt < 120; attempt++) {
		const { data } = await n8n.api(`/executions?workflowId=${workflowId}&limit=1`);
		if (data[0]?.finished) return data[0];
		await sleep(500);
	}
	throw new Error(`The trigger workflow ${workflowId} did not run within a minute of the send`);
}

async function main() {
	step(`starting n8n ${NEWEST_N8N} with the package, the sandbox and the examples on port ${port}`);
	const { n8n, sandbox, examples } = await startN8n();
	const editor = await Editor.launch(n8n.url);
	try {
		step('signing in to the editor as the demo owner');
		await editor.signIn(OWNER);

		step('opening every example workflow');
		const failures = [];
		for (const { name, workflow } of examples) {
			const page = await editor.openWorkflow(workflow);
			const problems = await editor.problems(page);
			console.log(`${problems.length ? 'FAIL' : 'pass'}  ${name}.json  "${workflow.name}"`);
			for (const problem of problems) console.log(`        ${problem}`);
			if (problems.length) failures.push(`${name}.json ("${workflow.name}"): ${problems.join('; ')}`);
		}
		if (failures.length) throw new Error(`The editor shows problems in ${failures.length} example(s):\n  ${failures.join('\n  ')}`);

		mkdirSync(docs, { recursive: true });
		const shots = [];
		const { example, node } = exampleWith(examples, 'bulkTextMessage', 'sendToMany');
		const page = await editor.openWorkflow(example.workflow);
		step(`node panel of "${node.name}" (${example.name}.json)`);
		await editor.openNode(page, node.name);
		await editor.screenshot(page, join(docs, 'send-to-many-node.png'));
		shots.push('docs/send-to-many-node.png');
		await editor.closeNode(page);

		step('executing it: the output table');
		await editor.executeWorkflow(page, node.name);
		await editor.openNode(page, node.name);
		await editor.outputAsTable(page);
		await editor.screenshot(page, join(docs, 'send-to-many-output.png'), '[data-test-id="output-panel"]');
		shots.push('docs/send-to-many-output.png');
		await editor.closeNode(page);

		const reports = examples.find((candidate) => triggerOf(candidate)?.type === `${PACKAGE}.bulkTextMessageTrigger`);
		const trigger = triggerOf(reports);
		step(`the delivery reports of that send in "${reports.workflow.name}": its execution`);
		const execution = await latestExecution(n8n, reports.workflow.id);
		await editor.openExecution(page, reports.workflow.id, execution.id, trigger.name);
		await editor.openNode(page, trigger.name);
		await editor.outputAsTable(page);
		await editor.screenshot(page, join(docs, 'trigger-events.png'));
		shots.push('docs/trigger-events.png');

		step(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${shots.join(', ')}`);
	} finally {
		await editor.close();
		await n8n.stop();
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(`\nscreenshots failed after ${((Date.now() - started) / 1000).toFixed(0)} s: ${error.message}`);
	process.exit(1);
});
