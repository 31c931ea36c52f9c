// The end-to-end checks in n8n's queue mode (npm run test:e2e -- --queue): a main process, two
// `n8n worker` processes and an `n8n webhook` processor sharing a private Postgres and Redis, each
// with this package in its own user folder, as a user scales n8n out.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { N8n, installPackage, loadSandbox } from './instance.mjs';
import { DATABASE, ensurePackages, freePort, signalGroup, startPostgres, startRedis, stopGroup } from './services.mjs';
import { CREDENTIALS, PACKAGE, TRIGGER_TOKEN, loadExamples, prepare, sandboxCredentials, triggerOf, webhookUrl } from './workflows.mjs';

const WORKERS = 2;
const CONCURRENCY = 5;
const FIRES = 6;
const RECIPIENTS = 1000;
const BULK_REPORTS = 10_000;
/** Set to measure a credential without the single exchange per process: token counts are then reported, not asserted. */
const MEASURE_ONLY = process.env.BULK_SMS_E2E_QUEUE_MEASURE === '1';

/** One n8n process of the queue-mode setup: its own user folder, log and task broker port. */
class QueueN8n extends N8n {
	constructor({ role, queueEnv, ...options }) {
		super(options);
		this.role = role;
		this.queueEnv = queueEnv;
		this.logFile = join(options.home, `${role}.log`);
	}

	env(brokerPort) {
		return {
			...super.env(brokerPort),
			...this.queueEnv,
			// Debug shows each package loaded; JSON keeps the counts that come with it.
			N8N_LOG_LEVEL: 'debug',
			N8N_LOG_FORMAT: 'json',
		};
	}

	/** A CLI command, with a broker port of its own so it can run next to the servers. */
	async cli(...args) {
		const [node, argv] = this.command(args);
		const child = spawn(node, argv, { env: this.env(this.queueEnv.cliBrokerPort), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		this.cliRunning = child;
		child.exited = new Promise((resolve) => child.once('exit', resolve));
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const code = await new Promise((resolve) => child.on('close', resolve));
		return { code, stdout, stderr };
	}

	/** Starts `n8n <args>` in a process group of its own; resolves when the log says it is ready. */
	async launch(args, brokerPort, readyText) {
		const [node, argv] = this.command(args);
		const log = openSync(this.logFile, 'w');
		this.server = spawn(node, argv, { env: this.env(brokerPort), stdio: ['ignore', log, log], detached: true });
		closeSync(log);
		const server = this.server;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		const deadline = Date.now() + 180_000;
		while (!readFileSync(this.logFile, 'utf8').includes(readyText)) {
			const code = await Promise.race([exited, sleep(200).then(() => undefined)]);
			if (code !== undefined) throw new Error(`n8n ${args.join(' ')} exited (${code}); see ${this.logFile}`);
			if (Date.now() > deadline) throw new Error(`n8n ${args.join(' ')} was not ready in 3 minutes; see ${this.logFile}`);
		}
	}

	log() {
		return readFileSync(this.logFile, 'utf8');
	}
}

/** The execution IDs each worker's log says it started. */
function executionsByWorker(workers) {
	const owner = new Map();
	for (const worker of workers) {
		for (const [, id] of worker.log().matchAll(/Worker started execution (\d+) /g)) owner.set(id, worker.role);
	}
	return owner;
}

/** "worker-1: 3, worker-2: 3" for the given executions; throws unless every worker ran some. */
function spreadOver(workers, executionIds) {
	const owner = executionsByWorker(workers);
	const unknown = executionIds.filter((id) => !owner.has(String(id)));
	if (unknown.length) throw new Error(`no worker log names execution ${unknown.join(', ')}`);
	const counts = workers.map((worker) => [worker.role, executionIds.filter((id) => owner.get(String(id)) === worker.role).length]);
	const idle = counts.filter(([, count]) => count === 0).map(([role]) => role);
	if (idle.length) throw new Error(`${idle.join(', ')} ran none of executions ${executionIds.join(', ')}`);
	return counts.map(([role, count]) => `${role}: ${count}`).join(', ');
}

/**
 * The example workflow, started by a Webhook node instead of the manual trigger, with its
 * recipients node making RECIPIENTS recipients of their own for each `?batch=`.
 */
function webhookStarted(example, name, path, recipientsCode) {
	const manual = example.workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const nodes = example.workflow.nodes.map((node) => {
		if (node === manual) {
			return {
				...node,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			};
		}
		return node.name === 'Customers' ? { ...node, parameters: { jsCode: recipientsCode } } : node;
	});
	const connections = Object.fromEntries(
		Object.entries(example.workflow.connections).map(([from, to]) => [from === manual.name ? 'Webhook' : from, to]),
	);
	return { ...prepare(name, { ...example.workflow, name: `${example.workflow.name} (queue mode)`, nodes, connections }), path };
}

const recipients = (phone, extra) =>
	`const batch = Number($input.first().json.query.batch);\n` +
	`return Array.from({ length: ${RECIPIENTS} }, (_, i) => ({ json: { phone: ${phone}, ${extra} } }));`;

/** Runs the queue-mode checks through `check` (one table row each) and returns the measurements. */
export async function runQueueSuite({ root, install, check, assert, hasFailed }) {
	const folder = mkdtempSync(join(tmpdir(), 'bulk-sms-queue-'));
	console.log(`e2e --queue: n8n ${install.version}, work folder ${folder}`);
	const services = {};
	const processes = [];
	const measurements = [];
	let sandbox;
	/** A hard stop of every process group started, when this process exits anyway. */
	const killAll = () =>
		[
			...processes.flatMap((n8n) => [n8n.server, n8n.cliRunning]),
			services.redis?.server,
			services.postgres?.server,
		].forEach((child) => signalGroup(child, 'SIGKILL'));
	process.on('exit', killAll);
	let stopping;
	const stopAll = async () => {
		stopping ??= (async () => {
			// n8n first (it holds connections to both), Postgres last with its fast shutdown.
			await Promise.all(processes.map(async (n8n) => await Promise.all([n8n.stop(), stopGroup(n8n.cliRunning)])));
			await stopGroup(services.redis?.server, 'SIGTERM');
			await stopGroup(services.postgres?.server, 'SIGINT');
			await sandbox?.close();
		})();
		await stopping;
	};
	const onSigint = () => void stopAll().then(() => process.exit(130));
	process.on('SIGINT', onSigint);
	process.on('SIGTERM', onSigint);

	try {
		await check('Postgres and Redis from the Debian packages, on free ports', async () => {
			const found = ensurePackages();
			const [pgPort, redisPort] = [await freePort(), await freePort()];
			services.postgres = await startPostgres(found.postgres, folder, pgPort);
			services.redis = await startRedis(found.redis, folder, redisPort);
			const installed = found.installed.length ? `apt-get installed ${found.installed.join(', ')} in ${found.seconds.toFixed(0)} s` : 'packages present';
			return `${installed}; Postgres ${services.postgres.version} on ${pgPort}, Redis ${services.redis.version} on ${redisPort}`;
		});
		if (!services.redis) return measurements;

		const { Sandbox, SANDBOX_ACCOUNT } = loadSandbox(root);
		sandbox = await new Sandbox().start();
		const ports = { main: await freePort(), webhook: await freePort(), cli: await freePort() };
		const webhookBase = `http://127.0.0.1:${ports.webhook}`;
		const queueEnv = {
			cliBrokerPort: ports.cli,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.postgres.port),
			DB_POSTGRESDB_DATABASE: DATABASE.name,
			DB_POSTGRESDB_USER: DATABASE.user,
			DB_POSTGRESDB_PASSWORD: DATABASE.password,
			// Every send request reads its credential from the database. With n8n's default pool of
			// 2 connections a busy worker waited more than 20 s for one and failed the batch.
			DB_POSTGRESDB_POOL_SIZE: String(2 * CONCURRENCY),
			// Production webhooks go to the webhook processor only, as behind a load balancer.
			WEBHOOK_URL: `${webhookBase}/`,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		};
		const n8nProcess = (role, port) => new QueueN8n({ install, role, port, home: join(folder, role), queueEnv });
		const main = n8nProcess('main', ports.main);
		// Workers listen on no port (no health check configured); each still gets its own.
		const workers = [];
		for (let i = 1; i <= WORKERS; i++) workers.push(n8nProcess(`worker-${i}`, await freePort()));
		const webhook = n8nProcess('webhook', ports.webhook);
		processes.push(webhook, ...workers, main);

		await check(`package installed into the .n8n/nodes of each of ${processes.length} user folders`, async () => {
			mkdirSync(main.home, { recursive: true });
			const tarball = installPackage(root, main.home, folder);
			for (const other of [...workers, webhook]) cpSync(join(main.home, '.n8n'), join(other.home, '.n8n'), { recursive: true });
			return `${tarball}: main, ${workers.map((w) => w.role).join(', ')}, webhook`;
		});

		const examples = loadExamples(root);
		const byName = Object.fromEntries(examples.map((example) => [example.name, example]));
		// The triggers alone: with the examples' routing nodes, 10,000 items evaluate some 40,000
		// expressions on one worker, which is n8n's cost, not this package's.
		const triggerOnly = (example) => {
			const trigger = triggerOf(example);
			return { ...example, workflow: { ...example.workflow, nodes: [trigger], connections: {} } };
		};
		const btmTrigger = triggerOnly(byName['bulktextmessage-status-updates']);
		const bgTrigger = triggerOnly(byName['bulkgate-delivery-reports']);
		const btmSend = webhookStarted(
			byName['bulktextmessage-send-to-many'],
			'queue-btm-send-to-many',
			'queue-send-to-many',
			recipients(`'+44 7700 ' + String(900000 + batch * ${RECIPIENTS} + i)`, `orderId: 700000 + batch * ${RECIPIENTS} + i`),
		);
		const bgSend = webhookStarted(
			byName['bulkgate-send-promotional'],
			'queue-bg-send-promotional',
			'queue-send-promotional',
			recipients(`'+420 777 ' + String(500000 + batch * ${RECIPIENTS} + i)`, `firstName: 'Customer ' + i, code: 'C' + i`),
		);
		const published = [btmSend, bgSend, btmTrigger, bgTrigger];
		await check('credentials and workflows imported into Postgres, 4 published', async () => {
			await main.importAll(sandboxCredentials(sandbox, SANDBOX_ACCOUNT), published, join(folder, 'import'));
			for (const { workflow } of published) await main.cliOrThrow('publish:workflow', `--id=${workflow.id}`);
			return `2 credentials; ${published.map((p) => p.name).join(', ')}`;
		});

		await check(`main, ${WORKERS} workers (concurrency ${CONCURRENCY}) and a webhook processor started`, async () => {
			const started = Date.now();
			await main.launch(['start'], await freePort(), 'Editor is now accessible');
			await Promise.all([
				...workers.map(async (worker) =>
					worker.launch(['worker', `--concurrency=${CONCURRENCY}`], await freePort(), 'n8n worker is now ready'),
				),
				webhook.launch(['webhook'], await freePort(), 'Webhook listener waiting for requests'),
			]);
			await main.setUpOwner();
			return `up in ${((Date.now() - started) / 1000).toFixed(1)} s; main ${ports.main}, webhook processor ${ports.webhook}`;
		});

		await check('every process loads the 4 nodes and 2 credentials of the package', async () => {
			const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
			const expected = { nodes: pkg.n8n.nodes.length, credentials: pkg.n8n.credentials.length };
			for (const n8n of processes) {
				const line = n8n
					.log()
					.split('\n')
					.filter((text) => text.startsWith('{'))
					.map((text) => JSON.parse(text))
					.find((entry) => entry.message === `Loaded all credentials and nodes from ${PACKAGE}`);
				assert(line, `${n8n.role}: no "Loaded all credentials and nodes from ${PACKAGE}" in ${n8n.logFile}`);
				const counts = { nodes: line.nodes ?? line.metadata?.nodes, credentials: line.credentials ?? line.metadata?.credentials };
				assert(counts.nodes === expected.nodes && counts.credentials === expected.credentials, `${n8n.role} loaded ${JSON.stringify(counts)}`);
			}
			const require = createRequire(import.meta.url);
			const nodeTypes = (await main.rest('GET', '/types/nodes.json')).json.map((n) => n.name);
			const missing = pkg.n8n.nodes
				.map((file) => `${PACKAGE}.${new (Object.values(require(join(root, file)))[0])().description.name}`)
				.filter((name) => !nodeTypes.includes(name));
			assert(missing.length === 0, `main does not offer ${missing.join(', ')}`);
			return `${processes.map((n8n) => n8n.role).join(', ')}: ${expected.nodes} nodes, ${expected.credentials} credentials each`;
		});

		/** Executions of a workflow, oldest first, once `count` of them have ended. */
		const ended = async (workflowId, count) => {
			const deadline = Date.now() + 180_000;
			for (;;) {
				const { data } = await main.api(`/executions?workflowId=${workflowId}&limit=250`);
				if (data.length >= count && data.every((execution) => execution.stoppedAt)) return data.reverse();
				if (Date.now() > deadline) throw new Error(`${data.length} executions of ${workflowId} ended, expected ${count}`);
				await sleep(250);
			}
		};
		const seen = new Map();
		/** The next `count` executions of the workflow, with their data, once they ended. */
		const nextExecutions = async (workflowId, count) => {
			const before = seen.get(workflowId) ?? 0;
			const all = await ended(workflowId, before + count);
			seen.set(workflowId, all.length);
			const fresh = all.slice(before);
			return await Promise.all(fresh.map(async ({ id }) => await main.api(`/executions/${id}?includeData=true`)));
		};
		const itemsOf = (execution, node) => execution.data.resultData.runData[node]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? [];

		const TOKEN = '/api/v1/oauth/access_token';
		let batch = 0;
		/**
		 * Fires the workflow's webhook FIRES times at once at the webhook processor and checks the
		 * executions: all on workers, every recipient accepted and stored once.
		 */
		const sendRound = async ({ send, node, messages, keyOf, requestPath, label }) => {
			const fromMessage = messages.length;
			const fromRequest = sandbox.requests().length;
			const started = Date.now();
			const answers = await Promise.all(
				Array.from({ length: FIRES }, async () => {
					const answer = await fetch(`${webhookBase}/webhook/${send.path}?batch=${batch++}`, { method: 'POST' });
					await answer.arrayBuffer();
					return answer.status;
				}),
			);
			assert(answers.every((status) => status === 200), `webhook processor answered ${answers}`);
			const executions = await nextExecutions(send.workflow.id, FIRES);
			const seconds = (Date.now() - started) / 1000;
			for (const execution of executions) {
				assert(execution.status === 'success', `execution ${execution.id}: ${execution.status} ${execution.data.resultData.error?.message ?? ''}`);
			}
			const accepted = executions.reduce((sum, execution) => sum + itemsOf(execution, node).filter((item) => item.accepted).length, 0);
			const stored = messages.slice(fromMessage);
			const distinct = new Set(stored.map(keyOf)).size;
			const requests = sandbox.requests().slice(fromRequest);
			const sends = requests.filter((r) => r.method === 'POST' && r.path === requestPath);
			const exchanges = requests.filter((r) => r.method === 'POST' && r.path === TOKEN).length;
			const spread = spreadOver(workers, executions.map((execution) => execution.id));
			const total = FIRES * RECIPIENTS;
			assert(accepted === total, `${accepted} of ${total} accepted`);
			assert(stored.length === total && distinct === total, `${stored.length} stored, ${distinct} distinct recipients`);
			const refused = sends.filter((r) => r.status === 401);
			const result = {
				label,
				exchanges,
				accepted: sends.filter((r) => r.status === 200),
				refused: refused.length,
				seconds,
				spread,
			};
			measurements.push({ label, exchanges, refused: refused.length, seconds, spread });
			return result;
		};
		const tokenLimit = (exchanges, what) => {
			if (!MEASURE_ONLY) assert(exchanges <= WORKERS, `${exchanges} ${what} for ${FIRES} executions on ${WORKERS} workers`);
		};
		const bearer = (request) => String(request.headers.authorization ?? '').replace(/^Bearer /, '');
		const btmRound = (label) =>
			sendRound({
				send: btmSend,
				node: 'Send to Many',
				messages: sandbox.bulkTextMessage.messages,
				keyOf: (m) => m.external_id,
				requestPath: '/api/v1/sms/to_many',
				label,
			});
		const summary = (round, what) =>
			`${round.spread}; ${FIRES * RECIPIENTS} accepted, stored once each; ${round.exchanges} ${what}` +
			`${round.refused ? `, ${round.refused} requests refused with 401 (never stored)` : ''}; ${round.seconds.toFixed(1)} s`;

		await check(`Send to Many, ${RECIPIENTS.toLocaleString('en')} recipients, webhook fired ${FIRES} times at once`, async () => {
			const round = await btmRound('new credential');
			tokenLimit(round.exchanges, 'token exchanges');
			return summary(round, 'token exchanges');
		});

		let renewal;
		await check(`token expired: the same ${FIRES} at once`, async () => {
			sandbox.bulkTextMessage.expireTokens();
			renewal = await btmRound('after the token expired');
			tokenLimit(renewal.exchanges, 'renewals');
			return summary(renewal, 'renewals');
		});

		await check('the renewed token stored in Postgres is used by every worker', async () => {
			const exported = join(folder, 'credential.json');
			await main.cliOrThrow('export:credentials', `--id=${CREDENTIALS.bulkTextMessageApi.id}`, '--decrypted', `--output=${exported}`);
			const [credential] = JSON.parse(readFileSync(exported, 'utf8'));
			rmSync(exported);
			const stored = credential.data.accessToken;
			assert(renewal.accepted.some((r) => bearer(r) === stored), 'the stored token was not issued by the renewal');
			const round = await btmRound('token from Postgres');
			assert(round.exchanges === 0, `${round.exchanges} token exchanges with a valid token stored`);
			const others = round.accepted.filter((r) => bearer(r) !== stored);
			assert(round.accepted.length === 2 * FIRES && others.length === 0, `${others.length} requests without the stored token`);
			const tokens = new Set(renewal.accepted.map(bearer)).size;
			return `${round.spread}; all ${round.accepted.length} requests with the stored token, no exchange; ${tokens} token${tokens === 1 ? '' : 's'} in use after the renewal`;
		});

		await check(`Send Promotional, ${RECIPIENTS.toLocaleString('en')} recipients, webhook fired ${FIRES} times at once`, async () => {
			const round = await sendRound({
				send: bgSend,
				node: 'Send Promotional',
				messages: sandbox.bulkGate.messages,
				keyOf: (m) => m.number,
				requestPath: '/api/2.0/advanced/promotional',
				label: 'BulkGate Send Promotional',
			});
			assert(round.accepted.length === 2 * FIRES, `${round.accepted.length} promotional requests accepted, expected ${2 * FIRES}`);
			return `${round.spread}; ${FIRES * RECIPIENTS} accepted in ${round.accepted.length} requests, stored once each; ${round.seconds.toFixed(1)} s`;
		});

		await checkTriggers({ check, assert, webhookBase, btmTrigger, bgTrigger, workers, nextExecutions, ended, seen });
	} finally {
		await stopAll();
		process.off('SIGINT', onSigint);
		process.off('SIGTERM', onSigint);
		process.off('exit', killAll);
		// After a failure the logs of every process stay for a look.
		if (hasFailed()) console.log(`e2e --queue: logs kept in ${folder}`);
		else rmSync(folder, { recursive: true, force: true });
	}
	return measurements;
}

async function checkTriggers({ check, assert, webhookBase, btmTrigger, bgTrigger, workers, nextExecutions, ended, seen }) {
	const postJson = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const call = async (url, init) => {
		const answer = await fetch(url, init);
		await answer.arrayBuffer();
		return answer.status;
	};
	const items = (execution, example) =>
		execution.data.resultData.runData[triggerOf(example).name][0].data.main[0].map((item) => item.json);
	/** The one execution the call started, checked: on a worker, successful, with these events. */
	const oneRun = async (example, status, events) => {
		assert(status === 200, `webhook processor answered ${status}`);
		const [execution] = await nextExecutions(example.workflow.id, 1);
		assert(execution.status === 'success', `execution ${execution.id} ${execution.status}: ${execution.data.resultData.error?.message ?? ''}`);
		const emitted = items(execution, example);
		const wrong = emitted.filter((item, i) => item.event !== events[i % events.length]);
		assert(wrong.length === 0 && emitted.length % events.length === 0, `events ${emitted.slice(0, 5).map((i) => i.event)}…`);
		const worker = [...workers].find((w) => new RegExp(`Worker started execution ${execution.id} `).test(w.log()));
		assert(worker, `no worker log names execution ${execution.id}`);
		return { execution, emitted, worker: worker.role };
	};
	const bgUrl = webhookUrl(webhookBase, bgTrigger);

	await check('BulkGate Trigger on the webhook processor: GET single delivery report', async () => {
		const query = new URLSearchParams({ status: '1', smsID: 'queue-single', to: '420777000001', date: '2611211007;2611211011' });
		const { emitted, worker } = await oneRun(bgTrigger, await call(`${bgUrl}&${query}`), ['delivered']);
		return `1 execution on ${worker}, ${emitted[0].messageId} delivered`;
	});
	await check(`BulkGate Trigger on the webhook processor: POST of ${BULK_REPORTS.toLocaleString('en')} reports`, async () => {
		const reports = Array.from({ length: BULK_REPORTS }, (_, i) => ({ status: '1', smsID: `queue-bulk-${i}`, to: `420777${String(i).padStart(6, '0')}` }));
		const { emitted, worker } = await oneRun(bgTrigger, await call(bgUrl, postJson(reports)), ['delivered']);
		assert(emitted.length === BULK_REPORTS, `${emitted.length} items, expected ${BULK_REPORTS}`);
		const inOrder = emitted.every((item, i) => item.messageId === `queue-bulk-${i}`);
		assert(inOrder, 'items not in the order of the reports');
		return `1 execution on ${worker} with ${emitted.length.toLocaleString('en')} items, in order`;
	});
	await check('BulkTextMessage Trigger on the webhook processor: POST status change', async () => {
		const sms = { id: 4711, number: '+447700900123', content: 'Hi', direction: 'sending', status: 'delivered', external_id: 5001 };
		const { emitted, worker } = await oneRun(btmTrigger, await call(webhookUrl(webhookBase, btmTrigger), postJson(sms)), ['delivered']);
		return `1 execution on ${worker}, message ${emitted[0].messageId}`;
	});
	await check('wrong or missing token at the webhook processor: 401 and no execution', async () => {
		const answers = [
			await call(webhookUrl(webhookBase, bgTrigger, 'wrong'), postJson([{ status: '1', smsID: 'x' }])),
			await call(webhookUrl(webhookBase, btmTrigger, null), postJson({ id: 1, status: 'delivered' })),
			await call(`${webhookUrl(webhookBase, bgTrigger, null)}?token=${TRIGGER_TOKEN}x&status=1`),
		];
		assert(answers.every((status) => status === 401), `answers ${answers}`);
		await sleep(2000);
		for (const example of [bgTrigger, btmTrigger]) {
			const count = (await ended(example.workflow.id, 0)).length;
			assert(count === seen.get(example.workflow.id), `${example.name}: ${count} executions, expected ${seen.get(example.workflow.id)}`);
		}
		return `answers ${answers.join(', ')}; executions unchanged`;
	});
}

/** The token exchanges and times of each round of FIRES executions, for the README's table. */
export function printMeasurements(measurements) {
	if (!measurements.length) return;
	console.log(`\nQueue mode, ${FIRES} webhook-started executions of ${RECIPIENTS.toLocaleString('en')} recipients per round, ${WORKERS} workers:`);
	console.log('round                      token requests  refused (401)  time');
	for (const { label, exchanges, refused, seconds } of measurements) {
		console.log(`${label.padEnd(26)} ${String(exchanges).padStart(14)}  ${String(refused).padStart(13)}  ${seconds.toFixed(1)} s`);
	}
}
