// End-to-end suite in a real n8n (npm run test:e2e [-- --n8n 2.8.4]).
// Installs n8n once into the e2e cache, installs this package from `npm pack` the way n8n's
// community node installer does, runs every example workflow with `n8n execute` against the
// sandbox gateways, then starts n8n and drives the triggers, the Public API and the credential
// tests over HTTP. Everything listens on 127.0.0.1. Prints a pass/fail table; exits 1 on a failure.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { NEWEST_N8N, N8n, installN8n, installPackage, loadSandbox } from './n8n/instance.mjs';
import { printMeasurements, runQueueSuite } from './n8n/queue.mjs';
import {
	CREDENTIALS,
	PACKAGE,
	TRIGGER_TOKEN,
	loadExamples,
	prepare,
	reportTargets,
	sandboxCredentials,
	triggerOf,
	webhookUrl,
} from './n8n/workflows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const version = argv.includes('--n8n') ? argv[argv.indexOf('--n8n') + 1] : (process.env.N8N_E2E_VERSION ?? NEWEST_N8N);
const port = Number(process.env.N8N_E2E_PORT ?? 15678);
/** `--queue`: the checks in n8n's queue mode (main, workers, webhook processor, Postgres, Redis). */
const queueMode = argv.includes('--queue');

const rows = [];
let failed = false;
/** One row of the final table; after a failure the remaining checks are skipped. */
async function check(name, run) {
	if (failed) {
		rows.push([name, 'skipped', '']);
		return undefined;
	}
	const started = Date.now();
	try {
		const detail = await run();
		rows.push([name, 'pass', `${detail ?? ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`]);
		console.log(`ok   ${name}: ${detail ?? ''}`);
		return detail;
	} catch (error) {
		failed = true;
		rows.push([name, 'FAIL', error.message.split('\n')[0]]);
		console.error(`FAIL ${name}\n${error.stack}`);
		return undefined;
	}
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

const outputOf = (run, node) => run.data.resultData.runData[node]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? [];

/** A run succeeded, and every node of this package in it produced items without errors. */
function assertClean(run, workflow) {
	assert(run.status === 'success', `status ${run.status}: ${run.data.resultData.error?.message ?? ''}`);
	for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`))) {
		const items = outputOf(run, node.name);
		assert(items.length > 0, `${node.name} output no items`);
		const error = items.find((item) => item.error);
		assert(!error, `${node.name}: ${error?.error}`);
		const refused = items.find((item) => item.accepted === false);
		assert(!refused, `${node.name}: not accepted: ${JSON.stringify(refused)}`);
	}
}

/** Every resource/operation pair the action nodes offer, from their descriptions. */
function allOperations() {
	const pairs = [];
	for (const file of ['BulkTextMessage/BulkTextMessage.node.js', 'BulkGate/BulkGate.node.js']) {
		const [NodeClass] = Object.values(require(join(root, 'dist/nodes', file)));
		const { name, properties } = new NodeClass().description;
		for (const property of properties.filter((p) => p.name === 'operation')) {
			for (const resource of property.displayOptions.show.resource) {
				for (const option of property.options) pairs.push(`${name}: ${resource} → ${option.value}`);
			}
		}
	}
	return pairs;
}

function operationsIn(workflow, run) {
	return workflow.nodes
		.filter((node) => run.data.resultData.runData[node.name] && /\.(bulkTextMessage|bulkGate)$/.test(node.type))
		.map((node) => `${node.type.split('.')[1]}: ${node.parameters.resource} → ${node.parameters.operation}`);
}

/** Example-specific expectations, beyond a clean run. */
const expectations = {
	'bulktextmessage-send-and-look-up': (run) => {
		const [sent] = outputOf(run, 'Send SMS');
		assert(outputOf(run, 'Get SMS by ID')[0]?.messageId === sent.messageId, 'Get SMS by ID did not return the sent message');
		assert(outputOf(run, 'Get SMS by External ID')[0]?.externalId === 6001, 'Get by External ID did not find order 6001');
		const recent = outputOf(run, 'Recent SMS');
		assert(recent.length >= 1 && recent.length <= 5, `Recent SMS returned ${recent.length} (limit 5)`);
		return `sent #${sent.messageId}, found by ID and external ID, ${recent.length} recent`;
	},
	'bulktextmessage-send-to-many': (run, sandbox) => {
		const items = outputOf(run, 'Send to Many');
		const numbers = sandbox.bulkTextMessage.messages.slice(-items.length).map((m) => m.number);
		assert(numbers.every((n) => /^\+44\d{10}$/.test(n)), `numbers not normalised: ${numbers}`);
		return `${items.length} accepted, numbers ${numbers.join(' ')}`;
	},
	'bulktextmessage-personalised-texts': (run, sandbox) => {
		const items = outputOf(run, 'Send Many');
		const texts = sandbox.bulkTextMessage.messages.slice(-items.length).map((m) => m.content);
		assert(texts[0].startsWith('Hi Ann,') && texts[2].startsWith('Hi Cora,'), `texts: ${texts}`);
		return `${items.length} accepted, each with its own text`;
	},
	'bulktextmessage-send-with-retry-and-follow-up': (run) => {
		const sent = outputOf(run, 'Send Reminders');
		const followUp = run.data.resultData.runData['To Follow Up']?.[0]?.data?.main?.[0] ?? [];
		assert(sent.length === 3 && followUp.length === 0, `${sent.length} sent, ${followUp.length} to follow up`);
		return `${sent.length} accepted with Retry On Fail on, nobody to follow up`;
	},
	'bulktextmessage-contacts': (run) => {
		const created = outputOf(run, 'Create Contact');
		const read = outputOf(run, 'Get Contact');
		assert(created.length === 2 && read.map((c) => c.contactId).join() === created.map((c) => c.contactId).join(), 'Get Contact ≠ Create Contact');
		assert(read[1].phone === '+447700900402', `default country code not applied: ${read[1].phone}`);
		const groups = outputOf(run, 'Contact Groups');
		assert(groups.length === 3, `${groups.length} contact groups, expected 3`);
		return `2 created and read back, ${outputOf(run, 'All Contacts').length} listed, ${groups.length} groups`;
	},
	'bulkgate-check-credit-and-notify': (run) => {
		const [balance] = outputOf(run, 'Credit Balance');
		assert(typeof balance.credit === 'number' && typeof balance.freeMessages === 'number', `balance: ${JSON.stringify(balance)}`);
		const sent = outputOf(run, 'Send Transactional').map((item) => item.messageId);
		const looked = outputOf(run, 'Delivery Status');
		assert(looked.map((item) => item.messageId).join() === sent.join(), 'Delivery Status did not look up the sent messages');
		assert(looked.every((item) => item.status === 'delivered'), `Delivery Status said ${looked.map((item) => item.status)}`);
		return `credit ${balance.credit}, ${sent.length} transactional accepted, each looked up as delivered`;
	},
	'bulkgate-send-promotional': (run) => `${outputOf(run, 'Send Promotional').length} promotional accepted`,
	'bulkgate-contacts': (run, sandbox) => {
		const names = outputOf(run, 'Get Contact').map((item) => `${item.number}:${item.firstName}`).join();
		assert(names === '+420606100001:Jana,+420606100002:Petr', `Get Contact read ${names}`);
		const [group] = [...sandbox.bulkGate.groupNames].filter(([, name]) => name === 'Spring customers').map(([id]) => id);
		assert(sandbox.bulkGate.groups.get(group)?.length === 2, 'the imported contacts are not in the new group');
		assert(!sandbox.bulkGate.contacts.has('420606100003'), 'Remove Contact left the added contact');
		return '2 imported into a new group and read back; 1 added and removed again';
	},
	'bulkgate-otp': (run, sandbox) => {
		const [sent] = outputOf(run, 'Send OTP');
		const [again] = outputOf(run, 'Resend OTP');
		assert(again.otpId === sent.otpId && again.to === '+420606200001', `Resend OTP: ${JSON.stringify(again)}`);
		const codes = sandbox.bulkGate.sentTo('420606200001').filter((message) => message.endpoint === 'otp').length;
		assert(codes === 2, `${codes} OTP messages, expected 2 (send and resend)`);
		const [verified] = outputOf(run, 'Verify OTP');
		const right = sandbox.bulkGate.otps.get(sent.otpId)?.code === '123456';
		assert(verified.verified === right, `Verify OTP said ${verified.verified}`);
		return `OTP ${sent.otpId} sent and resent (2 messages), the entered code verified: ${verified.verified}`;
	},
	'bulkgate-blacklist': (run, sandbox) => {
		const valid = outputOf(run, 'Phone Number Check').map((item) => `${item.number}:${item.valid}`).join();
		assert(valid === '+420606000001:true,+420606000002:true', `Phone Number Check said ${valid}`);
		const checked = outputOf(run, 'Blacklist Check').map((item) => `${item.number}:${item.blacklisted}`);
		assert(checked.join() === '+420606000001:true,+420606000002:false', `Blacklist Check said ${checked.join()}`);
		const sent = outputOf(run, 'Send Promotional').map((item) => String(item.to).replace(/^\+/, ''));
		assert(sent.join() === '420606000002', `Send Promotional went to ${sent.join()}`);
		assert(!sandbox.bulkGate.blacklist.has('420606000001'), 'Blacklist Remove left the number blacklisted');
		return 'numbers checked valid; opt-out blacklisted, skipped by the campaign, removed again';
	},
};

/** The example with its recipients node replaced by 1,000 generated recipients. */
function thousandRecipients(example, id, phone) {
	const code = `return Array.from({ length: 1000 }, (_, i) => ({ json: { phone: ${phone}, orderId: 900000 + i, firstName: 'Customer ' + i, code: 'C' + i } }));`;
	const nodes = example.workflow.nodes.map((node) =>
		node.name === 'Customers' ? { ...node, parameters: { jsCode: code } } : node,
	);
	return prepare(id, { ...example.workflow, name: `${example.workflow.name} (1,000 recipients)`, nodes });
}

/** The workflow with one node's Settings as given, On Error left at its default (Stop Workflow). */
function withSettings(example, id, nodeName, label, settings) {
	const nodes = example.workflow.nodes.map((node) => {
		if (node.name !== nodeName) return node;
		const { onError, ...rest } = node;
		return { ...rest, ...settings };
	});
	return prepare(id, { ...example.workflow, name: `${example.workflow.name} (${label})`, nodes });
}

/**
 * The trigger workflow as n8n saves it when Authentication is left at its default: n8n stores
 * only values that differ from the default, so the parameter is absent. It gets the token, a
 * webhook of its own, and nothing else.
 */
function withDefaultAuthentication(example, id, webhookId) {
	const trigger = triggerOf(example);
	const nodes = example.workflow.nodes.map((node) => {
		if (node !== trigger) return node;
		const { authentication, queryParameterName, ...parameters } = node.parameters;
		return { ...node, webhookId, parameters };
	});
	return prepare(id, { ...example.workflow, name: `${example.workflow.name} (default authentication)`, nodes });
}

/** Messages stored per recipient since `from`, by a key; how many recipients got exactly one. */
function storedOnce(messages, from, keyOf) {
	const counts = new Map();
	for (const message of messages.slice(from)) counts.set(keyOf(message), (counts.get(keyOf(message)) ?? 0) + 1);
	return { recipients: counts.size, once: [...counts.values()].filter((count) => count === 1).length };
}

async function main() {
	const suiteStarted = Date.now();
	let install;
	await check(`install n8n ${version} (reused when cached)`, () => {
		install = installN8n(version);
		return `${install.dir} in ${install.seconds.toFixed(0)} s`;
	});
	if (!install) return report(suiteStarted);
	if (queueMode) {
		const measurements = await runQueueSuite({ root, install, check, assert, hasFailed: () => failed });
		report(suiteStarted);
		printMeasurements(measurements);
		return;
	}
	const work = join(install.dir, '..', `e2e-run-${version}-${port}`);
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	console.log(`e2e: n8n ${version}, work folder ${work}`);

	const { Sandbox, SANDBOX_ACCOUNT } = loadSandbox(root);
	const n8nUrl = `http://127.0.0.1:${port}`;
	const examples = loadExamples(root);
	const byName = Object.fromEntries(examples.map((example) => [example.name, example]));
	const btmTrigger = byName['bulktextmessage-status-updates'];
	const bgTrigger = byName['bulkgate-delivery-reports'];
	const optOutLoop = byName['bulkgate-opt-outs'];
	const sandbox = await new Sandbox({
		reportTargets: reportTargets(n8nUrl, examples),
	}).start();
	const n8n = new N8n({ install, home: join(work, 'home'), port });
	const stopAll = async () => {
		await n8n.stop();
		await sandbox.close();
	};
	process.on('exit', () => n8n.kill());
	process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

	try {
		await check('package installed from npm pack into .n8n/nodes', () => installPackage(root, n8n.home, work));

		const btmThousand = thousandRecipients(byName['bulktextmessage-send-to-many'], 'e2e-btm-1000', "'+44 7700 ' + String(900000 + i)");
		const bgThousand = thousandRecipients(byName['bulkgate-send-promotional'], 'e2e-bg-1000', "'+420 777 ' + String(100000 + i)");
		const retryOnFail = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 };
		const btmRetry = withSettings(btmThousand, 'e2e-btm-1000-retry', 'Send to Many', 'Retry On Fail', retryOnFail);
		// Numbers of their own: BulkGate's duplicates check would drop a repeat of the same text.
		const bgThousandAt = (first) =>
			thousandRecipients(byName['bulkgate-send-promotional'], `e2e-bg-1000-${first}`, `'+420 777 ' + String(${first} + i)`);
		const bgRetry = withSettings(bgThousandAt(200000), 'e2e-bg-1000-retry', 'Send Promotional', 'Retry On Fail', retryOnFail);
		const bgDefaults = withSettings(bgThousandAt(300000), 'e2e-bg-1000-defaults', 'Send Promotional', 'default settings', {});
		const bgRetryRefused = withSettings(bgThousandAt(400000), 'e2e-bg-1000-retry-refused', 'Send Promotional', 'Retry On Fail', retryOnFail);
		const bgDefaultAuth = withDefaultAuthentication(bgTrigger, 'e2e-bg-default-auth', '6a0c1e52-7d3b-4c8e-9f21-5b4d3c2a1e00');
		const all = [...examples, btmThousand, bgThousand, btmRetry, bgRetry, bgDefaults, bgRetryRefused, bgDefaultAuth];
		await check('credentials and workflows imported', async () => {
			await n8n.importAll(sandboxCredentials(sandbox, SANDBOX_ACCOUNT), all, join(work, 'import'));
			return `2 credentials, ${all.length} workflows`;
		});

		const covered = new Set();
		for (const example of examples.filter((e) => !triggerOf(e))) {
			await check(`execute ${example.name}`, async () => {
				const run = await n8n.execute(example.workflow.id);
				assertClean(run, example.workflow);
				for (const operation of operationsIn(example.workflow, run)) covered.add(operation);
				return expectations[example.name]?.(run, sandbox) ?? 'clean run';
			});
		}
		await check('every operation of both nodes ran', () => {
			const missing = allOperations().filter((operation) => !covered.has(operation));
			assert(missing.length === 0, `never ran: ${missing.join(', ')}`);
			return `${covered.size} operations`;
		});

		const counted = async (example, paths, { clean = true } = {}) => {
			const before = sandbox.requestCounts();
			const run = await n8n.execute(example.workflow.id);
			if (clean) assertClean(run, example.workflow);
			const after = sandbox.requestCounts();
			// Keys are `METHOD /path STATUS`; a key without the status sums every answer.
			const sum = (counts, key) =>
				Object.entries(counts).reduce((total, [k, n]) => (k === key || k.startsWith(`${key} `) ? total + n : total), 0);
			const delta = Object.fromEntries(paths.map((key) => [key, sum(after, key) - sum(before, key)]));
			return { run, delta };
		};
		const TO_MANY = 'POST /api/v1/sms/to_many';
		const TOKEN = 'POST /api/v1/oauth/access_token';
		const PROMOTIONAL = 'POST /api/2.0/advanced/promotional';
		await check('BulkTextMessage Send to Many, 1,000 recipients', async () => {
			const { run, delta } = await counted(btmThousand, [TO_MANY, TOKEN]);
			const accepted = outputOf(run, 'Send to Many').filter((item) => item.accepted).length;
			assert(accepted === 1000, `${accepted} of 1,000 accepted`);
			assert(delta[TO_MANY] === 2, `${delta[TO_MANY]} to_many requests, expected 2`);
			return `1,000 accepted in ${delta[TO_MANY]} requests, ${delta[TOKEN]} token exchanges`;
		});
		await check('BulkGate Send Promotional, 1,000 recipients', async () => {
			const { run, delta } = await counted(bgThousand, [PROMOTIONAL]);
			const accepted = outputOf(run, 'Send Promotional').filter((item) => item.accepted).length;
			assert(accepted === 1000, `${accepted} of 1,000 accepted`);
			assert(delta[PROMOTIONAL] === 2, `${delta[PROMOTIONAL]} promotional requests, expected 2`);
			return `1,000 accepted in ${delta[PROMOTIONAL]} requests`;
		});
		await check('token expires in the middle of a 1,000-recipient send', async () => {
			const stored = sandbox.bulkTextMessage.messages.length;
			sandbox.bulkTextMessage.expireTokensAfter(1);
			const { run, delta } = await counted(btmThousand, [TO_MANY, `${TO_MANY} 200`, `${TO_MANY} 401`, TOKEN]);
			const newMessages = sandbox.bulkTextMessage.messages.slice(stored);
			const distinct = new Set(newMessages.map((m) => m.external_id)).size;
			assert(outputOf(run, 'Send to Many').filter((item) => item.accepted).length === 1000, 'not all accepted');
			assert(delta[TOKEN] === 1, `${delta[TOKEN]} token exchanges, expected 1 renewal`);
			assert(delta[`${TO_MANY} 200`] === 2, `${delta[`${TO_MANY} 200`]} to_many requests accepted, expected 2`);
			assert(delta[`${TO_MANY} 401`] >= 1, 'no to_many request met the expired token');
			assert(newMessages.length === 1000 && distinct === 1000, `${newMessages.length} stored, ${distinct} distinct`);
			return `1 renewal; to_many: 2 accepted, ${delta[`${TO_MANY} 401`]} refused with 401 (never stored); 1,000 stored once each`;
		});

		const afterAcceptFails = async (example, node, path, messages, keyOf) => {
			const from = messages.length;
			sandbox.inject({ match: { path }, skip: 1, status: 500, afterHandling: true });
			const { run, delta } = await counted(example, [`POST ${path}`], { clean: false });
			assert(run.status === 'success', `status ${run.status}: ${run.data.resultData.error?.message ?? ''}`);
			const items = outputOf(run, node);
			const accepted = items.filter((item) => item.accepted).length;
			const unknown = items.filter((item) => item.status === 'unknown').length;
			const { recipients, once } = storedOnce(messages, from, keyOf);
			assert(items.length === 1000 && accepted === 500 && unknown === 500, `${items.length} items: ${accepted} accepted, ${unknown} unknown`);
			assert(recipients === 1000 && once === 1000, `${recipients} recipients stored, ${once} of them once`);
			assert(delta[`POST ${path}`] === 2, `${delta[`POST ${path}`]} requests, expected 2`);
			return `success; 500 accepted, 500 unknown (HTTP 500 after storing); 1,000 recipients stored once each in 2 requests`;
		};
		await check('Retry On Fail, 500 after the 2nd batch was stored: Send to Many, 1,000', () =>
			afterAcceptFails(btmRetry, 'Send to Many', '/api/v1/sms/to_many', sandbox.bulkTextMessage.messages, (m) => m.external_id),
		);
		await check('Retry On Fail, 500 after the 2nd batch was stored: Send Promotional, 1,000', () =>
			afterAcceptFails(bgRetry, 'Send Promotional', '/api/2.0/advanced/promotional', sandbox.bulkGate.messages, (m) => m.number),
		);
		// A failed first item makes n8n run the node again when Retry On Fail is on.
		const firstBlacklisted = async (example, number) => {
			const from = sandbox.bulkGate.messages.length;
			sandbox.bulkGate.blacklist.add(number);
			const { run, delta } = await counted(example, [PROMOTIONAL], { clean: false });
			sandbox.bulkGate.blacklist.clear();
			assert(run.status === 'success', `status ${run.status}: ${run.data.resultData.error?.message ?? ''}`);
			const items = outputOf(run, 'Send Promotional');
			const accepted = items.filter((item) => item.accepted).length;
			assert(items.length === 1000 && accepted === 999, `${items.length} items, ${accepted} accepted`);
			const [refused] = items;
			assert(refused.status === 'refused' && refused.errorCode === 'blacklisted' && refused.to === `+${number}`, `item 0: ${JSON.stringify(refused)}`);
			const { recipients, once } = storedOnce(sandbox.bulkGate.messages, from, (m) => m.number);
			assert(recipients === 999 && once === 999, `${recipients} recipients stored, ${once} of them once`);
			assert(delta[PROMOTIONAL] === 2, `${delta[PROMOTIONAL]} requests, expected 2`);
			return `success; 999 accepted in 2 requests, stored once each; item 0 refused (${refused.errorCode}: ${refused.errorReason})`;
		};
		await check('a blacklisted recipient among 1,000, default settings: Send Promotional', () =>
			firstBlacklisted(bgDefaults, '420777300000'),
		);
		await check('the same with Retry On Fail (n8n runs the node again): Send Promotional', () =>
			firstBlacklisted(bgRetryRefused, '420777400000'),
		);

		await check('trigger workflows published, n8n started', async () => {
			for (const example of [btmTrigger, bgTrigger, bgDefaultAuth, optOutLoop]) await n8n.cliOrThrow('publish:workflow', `--id=${example.workflow.id}`);
			const started = Date.now();
			await n8n.start();
			await n8n.setUpOwner();
			return `up in ${((Date.now() - started) / 1000).toFixed(1)} s, owner and API key created`;
		});

		await check('every node and credential of the package is loaded', async () => {
			const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
			const nodeTypes = (await n8n.rest('GET', '/types/nodes.json')).json.map((n) => n.name);
			const credentialTypes = (await n8n.rest('GET', '/types/credentials.json')).json.map((c) => c.name);
			const expectedNodes = pkg.n8n.nodes.map((file) => {
				const [NodeClass] = Object.values(require(join(root, file)));
				return `${PACKAGE}.${new NodeClass().description.name}`;
			});
			const expectedCredentials = pkg.n8n.credentials.map((file) => {
				const [CredentialClass] = Object.values(require(join(root, file)));
				return new CredentialClass().name;
			});
			const missing = [
				...expectedNodes.filter((name) => !nodeTypes.includes(name)),
				...expectedCredentials.filter((name) => !credentialTypes.includes(name)),
			];
			assert(missing.length === 0, `missing in n8n: ${missing.join(', ')}`);
			return `${expectedNodes.join(', ')}; ${expectedCredentials.join(', ')}`;
		});

		await check('pickers: the BulkTextMessage lists load through n8n, paged and filtered', async () => {
			const search = async (methodName, parameter, currentNodeParameters, filter, paginationToken) => {
				const answer = await n8n.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
					path: `parameters.${parameter}`,
					methodName,
					filter,
					paginationToken,
					credentials: { bulkTextMessageApi: CREDENTIALS.bulkTextMessageApi },
					currentNodeParameters,
					nodeTypeAndVersion: { name: `${PACKAGE}.bulkTextMessage`, version: 1 },
				});
				assert(answer.status === 200, `${methodName}: HTTP ${answer.status} ${JSON.stringify(answer.json)}`);
				return answer.json.data;
			};
			const groups = await search('searchContactGroups', 'additionalFields.contactGroupId', { resource: 'contact', operation: 'create' });
			assert(groups.results.length === 3 && !groups.paginationToken, `groups: ${JSON.stringify(groups)}`);
			const contacts = await search('searchContacts', 'contactId', { resource: 'contact', operation: 'get' }, '+447700900402');
			assert(contacts.results.length >= 1 && contacts.results.every((r) => r.name.includes('+447700900402')), `contacts: ${JSON.stringify(contacts)}`);
			const messages = await search('searchMessages', 'messageId', { resource: 'sms', operation: 'get' });
			const next = await search('searchMessages', 'messageId', { resource: 'sms', operation: 'get' }, undefined, messages.paginationToken);
			assert(messages.results.length === 15 && messages.paginationToken === '2', `messages: ${messages.results.length}, token ${messages.paginationToken}`);
			assert(next.results.length === 15 && next.results[0].value !== messages.results[0].value, 'page 2 repeats page 1');
			return `${groups.results.length} groups; contact found by phone; SMS page 1 and 2 (${messages.results[0].name})`;
		});

		for (const [type, right, wrong] of [
			['bulkTextMessageApi', SANDBOX_ACCOUNT.bulkTextMessage, { clientSecret: 'not-the-secret' }],
			['bulkGateApi', SANDBOX_ACCOUNT.bulkGate, { applicationToken: 'not-the-token' }],
		]) {
			await check(`credential test ${type}: right and wrong secret`, async () => {
				const stored = sandboxCredentials(sandbox, SANDBOX_ACCOUNT).find((c) => c.type === type);
				const test = async (data) =>
					(await n8n.rest('POST', '/rest/credentials/test', { credentials: { ...stored, data: { ...stored.data, ...data } } })).json?.data;
				const good = await test(right);
				const bad = await test(wrong);
				assert(good?.status === 'OK', `right secret: ${JSON.stringify(good)}`);
				assert(bad?.status === 'Error', `wrong secret: ${JSON.stringify(bad)}`);
				return `OK; wrong: "${bad.message}"`;
			});
		}

		await checkTriggers(n8n, sandbox, { btmTrigger, bgTrigger, bgDefaultAuth, n8nUrl });
		await checkOptOutLoop(n8n, sandbox, optOutLoop, n8nUrl);
	} finally {
		await stopAll();
	}

	report(suiteStarted);
}

function report(suiteStarted) {
	const width = Math.max(...rows.map(([name]) => name.length));
	console.log(`\nn8n-nodes-bulk-sms end-to-end${queueMode ? ' in queue mode' : ''}, n8n ${version} (${((Date.now() - suiteStarted) / 1000).toFixed(0)} s)`);
	for (const [name, result, detail] of rows) console.log(`${result.padEnd(7)} ${name.padEnd(width)}  ${detail}`);
	console.log(failed ? '\nE2E FAILED' : `\nE2E PASSED: ${rows.length} checks`);
	process.exitCode = failed ? 1 : 0;
}

/** Executions of a workflow, newest first, once `count` of them have ended. */
async function executions(n8n, workflowId, count) {
	// Big executions (the sandbox posts thousands of reports at once) take a while to save.
	const deadline = Date.now() + 120_000;
	for (;;) {
		const { data } = await n8n.api(`/executions?workflowId=${workflowId}&limit=250`);
		if (data.length >= count && data.every((execution) => execution.stoppedAt)) return data;
		if (Date.now() > deadline) throw new Error(`${data.length} executions of ${workflowId} ended, expected ${count}`);
		await sleep(250);
	}
}

/** The newest execution, with its data, once `count` executions of the workflow have ended. */
async function newestExecution(n8n, workflowId, count) {
	const [newest] = await executions(n8n, workflowId, count);
	return await n8n.api(`/executions/${newest.id}?includeData=true`);
}

const triggerItems = (execution, example) =>
	execution.data.resultData.runData[triggerOf(example).name][0].data.main[0].map((item) => item.json);

async function checkTriggers(n8n, sandbox, { btmTrigger, bgTrigger, bgDefaultAuth, n8nUrl }) {
	const send = async (url, init = {}) => (await fetch(url, init)).status;
	const postJson = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const bgUrl = webhookUrl(n8nUrl, bgTrigger);
	const btmUrl = webhookUrl(n8nUrl, btmTrigger);
	let bgSeen = 0;
	let btmSeen = 0;
	const expectRun = async (example, seen, status, expected, describe) => {
		assert(status === 200, `webhook answered ${status}`);
		const newest = await newestExecution(n8n, example.workflow.id, seen + 1);
		const items = triggerItems(newest, example);
		assert(newest.status === 'success', `execution ${newest.id} ${newest.status}`);
		const events = items.map((item) => item.event).join(',');
		assert(events === expected, `events ${events}, expected ${expected}`);
		return describe(items, newest);
	};

	await check('BulkGate Trigger: GET single delivery report', async () => {
		const query = new URLSearchParams({ status: '1', smsID: 'e2e-single', to: '420777000001', date: '2611211007;2611211011' });
		const status = await send(`${bgUrl}&${query}`);
		return await expectRun(bgTrigger, bgSeen++, status, 'delivered', ([item]) => {
			const vocabulary = { provider: 'BulkGate', to: '+420777000001', status: 'delivered', statusCode: 1, deliveredAt: '2026-11-21T09:11:00.000Z' };
			const wrong = Object.entries(vocabulary).filter(([field, value]) => item[field] !== value);
			assert(wrong.length === 0, `fields ${wrong.map(([field]) => `${field}=${JSON.stringify(item[field])}`).join(', ')}`);
			return `execution with ${item.messageId}, ${item.to} ${item.status} (${item.statusCode}) at ${item.deliveredAt}`;
		});
	});
	await check('BulkGate Trigger: POST bulk delivery reports', async () => {
		const reports = [
			{ status: '1', smsID: 'e2e-b1', to: '420777000002' },
			{ status: '3', smsID: 'e2e-b2', to: '420777000003' },
			{ status: '10', from: '420777000004', text: 'STOP' },
		];
		const status = await send(bgUrl, postJson(reports));
		return await expectRun(bgTrigger, bgSeen++, status, 'delivered,failed,inbound', (items) => {
			const inbound = items[2];
			assert(inbound.from === '+420777000004' && inbound.status === 'received' && typeof inbound.receivedAt === 'string', `inbound: ${JSON.stringify(inbound)}`);
			return `1 execution, ${items.length} items; inbound from ${inbound.from}, received ${inbound.receivedAt}`;
		});
	});
	await check('BulkTextMessage Trigger: POST status change', async () => {
		const sms = { id: 4711, number: '+447700900123', content: 'Hi', direction: 'sending', status: 'delivered', external_id: 5001 };
		const status = await send(btmUrl, postJson(sms));
		return await expectRun(btmTrigger, btmSeen++, status, 'delivered', ([item]) => {
			assert(item.provider === 'BulkTextMessage' && item.to === '+447700900123' && item.status === 'delivered', `item: ${JSON.stringify(item)}`);
			return `message ${item.messageId}, external ID ${item.externalId}`;
		});
	});
	await check('inbound SMS through the sandbox, both gateways', async () => {
		const btm = await sandbox.receive('bulkTextMessage', '+447700900555', 'Is my order ready?');
		const bg = await sandbox.receive('bulkGate', '+420777000555', 'YES');
		await expectRun(btmTrigger, btmSeen++, btm.answer, 'inbound', () => '');
		await expectRun(bgTrigger, bgSeen++, bg.answer, 'inbound', () => '');
		return 'one inbound execution each';
	});
	await check('wrong secret: 401 and no execution', async () => {
		const wrong = [
			await send(webhookUrl(n8nUrl, bgTrigger, 'wrong'), postJson([{ status: '1', smsID: 'x' }])),
			await send(webhookUrl(n8nUrl, btmTrigger, null), postJson({ id: 1, status: 'delivered' })),
			await send(`${webhookUrl(n8nUrl, bgTrigger, null)}?token=${TRIGGER_TOKEN}x&status=1`),
		];
		assert(wrong.every((status) => status === 401), `answers ${wrong}`);
		await sleep(1000);
		const bg = await executions(n8n, bgTrigger.workflow.id, bgSeen);
		const btm = await executions(n8n, btmTrigger.workflow.id, btmSeen);
		assert(bg.length === bgSeen && btm.length === btmSeen, `executions ${bg.length}/${btm.length}, expected ${bgSeen}/${btmSeen}`);
		return `answers ${wrong.join(', ')}; executions unchanged`;
	});
	await check('a trigger saved with default authentication: 401 without the token, no execution', async () => {
		const query = new URLSearchParams({ status: '1', smsID: 'e2e-default-auth', to: '420777000009' });
		const bare = `${webhookUrl(n8nUrl, bgDefaultAuth, null)}?${query}`;
		const refused = await send(bare);
		assert(refused === 401, `without the token: ${refused}`);
		await sleep(1000);
		const none = await n8n.api(`/executions?workflowId=${bgDefaultAuth.workflow.id}&limit=10`);
		assert(none.data.length === 0, `${none.data.length} executions after the refused call`);
		const accepted = await send(`${webhookUrl(n8nUrl, bgDefaultAuth)}&${query}`);
		return await expectRun(bgDefaultAuth, 0, accepted, 'delivered', () => `401 without the token, no execution; 200 with it, one execution`);
	});
	await check('sandbox delivery reports of every send fire the triggers', async () => {
		const deliveries = await sandbox.deliverReports();
		for (const { answer } of deliveries) assert(answer === 200, `webhook answered ${answer}`);
		const [btm, bg] = deliveries.map((d) => d.reports);
		const btmRun = await newestExecution(n8n, btmTrigger.workflow.id, ++btmSeen);
		const bgRun = await newestExecution(n8n, bgTrigger.workflow.id, ++bgSeen);
		assert(triggerItems(btmRun, btmTrigger).length === btm, `BulkTextMessage: ${triggerItems(btmRun, btmTrigger).length} items of ${btm}`);
		assert(triggerItems(bgRun, bgTrigger).length === bg, `BulkGate: ${triggerItems(bgRun, bgTrigger).length} items of ${bg}`);
		return `BulkTextMessage ${btm} reports, BulkGate ${bg} reports, one execution each`;
	});
}

/** The opt-out example: a STOP reply through its trigger ends on BulkGate's blacklist, other texts do not. */
async function checkOptOutLoop(n8n, sandbox, example, n8nUrl) {
	await check('opt-out loop: BulkGate Trigger (inbound STOP) → IF optOut → Blacklist Add', async () => {
		const replies = [
			{ status: '10', from: '420606000009', text: ' Stop ' },
			{ status: '10', from: '420606000010', text: 'Thanks!' },
		];
		const response = await fetch(webhookUrl(n8nUrl, example), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(replies),
		});
		assert(response.status === 200, `webhook answered ${response.status}`);
		const run = await newestExecution(n8n, example.workflow.id, 1);
		assert(run.status === 'success', `execution ${run.id} ${run.status}`);
		const flags = triggerItems(run, example).map((item) => item.optOut).join();
		assert(flags === 'true,false', `optOut ${flags}, expected true,false`);
		const added = outputOf(run, 'Blacklist Add').map((item) => item.number).join();
		assert(added === '+420606000009', `Blacklist Add output ${added}`);
		assert(sandbox.bulkGate.blacklist.has('420606000009'), 'the STOP sender is not on the sandbox blacklist');
		assert(!sandbox.bulkGate.blacklist.has('420606000010'), 'the other sender was blacklisted');
		return 'STOP sender blacklisted, the other not';
	});
}

await main();
