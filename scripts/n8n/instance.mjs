// A real n8n, installed once into the e2e cache, run with its own user folder on 127.0.0.1.
// Used by the end-to-end suite (scripts/e2e.mjs) and the demo (scripts/demo.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The newest n8n that installs from the npm registry here (the oldest line supported is 2.8.4). */
export const NEWEST_N8N = '2.41.1';

const installer = fileURLToPath(new URL('./install-n8n.sh', import.meta.url));

/** Installs n8n `version` unless the cache has it; reports what it found and how long it took. */
export function installN8n(version) {
	const started = Date.now();
	const result = spawnSync('bash', [installer, version], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`Installing n8n ${version} failed (exit ${result.status}); see the output above.`);
	const dir = result.stdout.trim().split('\n').pop();
	return {
		version,
		dir,
		nodeBin: readFileSync(join(dir, 'node-bin'), 'utf8').trim(),
		seconds: (Date.now() - started) / 1000,
	};
}

/** Numbers the CLI runs' output files. */
let cliRuns = 0;

export const OWNER = { email: 'owner@bulk-sms.test', firstName: 'Sandbox', lastName: 'Owner', password: 'Sandbox-Passw0rd' };

export class N8n {
	/** @param {{ install: ReturnType<typeof installN8n>, home: string, port: number }} options */
	constructor({ install, home, port }) {
		this.install = install;
		this.home = home;
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.server = undefined;
		this.cookie = undefined;
		this.apiKey = undefined;
	}

	env(brokerPort) {
		return {
			...process.env,
			PATH: `${this.install.nodeBin}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.home,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.url}/`,
			// The CLI and the server each start a task broker; they must not share its port.
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_ENCRYPTION_KEY: 'bulk-sms-sandbox-encryption-key',
			N8N_USER_MANAGEMENT_JWT_SECRET: 'bulk-sms-sandbox-jwt-secret',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_SECURE_COOKIE: 'false',
			DB_TYPE: 'sqlite',
			// The CLI prints `execute --rawOutput` through the logger: a quieter level hides the result.
			N8N_LOG_LEVEL: 'info',
			// No calls to n8n's servers: nothing but the npm registry is reachable here.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			// 2.41 asks api.n8n.io for MCP servers at start; 2.8 aborts on a module name it does not know.
			...(this.install.version.startsWith('2.8.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
		};
	}

	command(args) {
		return [join(this.install.nodeBin, 'node'), [join(this.install.dir, 'node_modules/n8n/bin/n8n'), ...args]];
	}

	/** Runs one n8n CLI command to its end. */
	async cli(...args) {
		const [node, argv] = this.command(args);
		// Standard output goes to a file, not a pipe: n8n exits right after printing, and whatever a
		// busy machine had not yet read from a pipe was lost (the end of a 1,000-item run's JSON).
		mkdirSync(this.home, { recursive: true });
		const outFile = join(this.home, `cli-${process.pid}-${++cliRuns}.out`);
		const out = openSync(outFile, 'w');
		const child = spawn(node, argv, { env: this.env(this.port + 2), stdio: ['ignore', out, 'pipe'] });
		closeSync(out);
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const code = await new Promise((resolve) => child.on('close', resolve));
		const stdout = readFileSync(outFile, 'utf8');
		rmSync(outFile, { force: true });
		return { code, stdout, stderr };
	}

	async cliOrThrow(...args) {
		const result = await this.cli(...args);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited ${result.code}:\n${(result.stderr || result.stdout).slice(-2000)}`);
		}
		return result;
	}

	/** Imports credentials and workflows through the CLI, as files written to `folder`. */
	async importAll(credentials, workflows, folder) {
		mkdirSync(join(folder, 'workflows'), { recursive: true });
		writeFileSync(join(folder, 'credentials.json'), JSON.stringify(credentials));
		await this.cliOrThrow('import:credentials', `--input=${join(folder, 'credentials.json')}`);
		for (const { name, workflow } of workflows) {
			writeFileSync(join(folder, 'workflows', `${name}.json`), JSON.stringify(workflow));
		}
		await this.cliOrThrow('import:workflow', '--separate', `--input=${join(folder, 'workflows')}`);
	}

	/**
	 * `n8n execute --rawOutput`: the run JSON is printed indented, between log lines, from the
	 * first line that is `{` to the next line that is `}`.
	 */
	async execute(workflowId) {
		const { code, stdout, stderr } = await this.cli('execute', `--id=${workflowId}`, '--rawOutput');
		const run = /^\{$[\s\S]*?^\}$/m.exec(stdout);
		if (!run) {
			throw new Error(`n8n execute --id=${workflowId} printed no run (exit ${code}):\n${(stderr || stdout).slice(-2000)}`);
		}
		return JSON.parse(run[0]);
	}

	/** `n8n start`, resolved once the editor, REST API and production webhooks are all up. */
	async start(logFile = join(this.home, 'n8n-start.log')) {
		const [node, argv] = this.command(['start']);
		const log = openSync(logFile, 'w');
		this.server = spawn(node, argv, { env: this.env(this.port + 1), stdio: ['ignore', log, log], detached: true });
		closeSync(log);
		const exited = new Promise((resolve) => this.server.once('exit', resolve));
		const deadline = Date.now() + 180_000;
		// /healthz/readiness answers seconds before webhooks are registered; this line comes after.
		while (!readFileSync(logFile, 'utf8').includes('Editor is now accessible')) {
			const code = await Promise.race([exited, sleep(200).then(() => undefined)]);
			if (code !== undefined) throw new Error(`n8n start exited (${code}); see ${logFile}`);
			if (Date.now() > deadline) throw new Error(`n8n did not come up in 3 minutes; see ${logFile}`);
		}
	}

	/** For process exit: ends the server and its task runner at once. */
	kill() {
		if (this.server?.exitCode === null) {
			try {
				process.kill(-this.server.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	}

	/** Stops the server and its task runner. */
	async stop() {
		const server = this.server;
		this.server = undefined;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		const signal = (name) => {
			try {
				process.kill(-server.pid, name);
			} catch {
				// already gone
			}
		};
		signal('SIGTERM');
		if ((await Promise.race([exited.then(() => 'exited'), sleep(20_000)])) !== 'exited') signal('SIGKILL');
	}

	/** Creates the instance owner (n8n only offers this over HTTP) and a Public API key. */
	async setUpOwner() {
		let answer = await this.rest('POST', '/rest/owner/setup', OWNER);
		if (answer.status !== 200) {
			answer = await this.rest('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		}
		if (answer.status !== 200) throw new Error(`Owner set-up failed: HTTP ${answer.status} ${JSON.stringify(answer.json)}`);
		const scopes = (await this.rest('GET', '/rest/api-keys/scopes')).json.data;
		const key = await this.rest('POST', '/rest/api-keys', { label: `sandbox-${Date.now()}`, expiresAt: null, scopes });
		if (key.status !== 200) throw new Error(`API key creation failed: HTTP ${key.status} ${JSON.stringify(key.json)}`);
		this.apiKey = key.json.data.rawApiKey;
	}

	/** The editor's own REST API, as the logged-in owner. */
	async rest(method, path, body) {
		const answer = await fetch(this.url + path, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'bulk-sms-sandbox',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = answer.headers.get('set-cookie');
		if (setCookie?.startsWith('n8n-auth=')) this.cookie = setCookie.split(';')[0];
		return { status: answer.status, json: await answer.json().catch(() => null) };
	}

	/** A GET on n8n's Public API with the owner's key. */
	async api(path) {
		const get = async () => await fetch(`${this.url}/api/v1${path}`, { headers: { 'x-n8n-api-key': this.apiKey } });
		let answer;
		try {
			answer = await get();
		} catch (error) {
			// A kept-alive connection the server closed meanwhile fails once; a read can be repeated.
			console.log(`GET /api/v1${path} failed (${error.cause?.code ?? error.cause?.message ?? error.message}); repeating it`);
			await sleep(500);
			answer = await get();
		}
		if (answer.status !== 200) throw new Error(`GET /api/v1${path}: HTTP ${answer.status} ${await answer.text()}`);
		return await answer.json();
	}
}

/** Compiles the sandbox (TypeScript in test/emulator) and loads it: `{ Sandbox, SANDBOX_ACCOUNT }`. */
export function loadSandbox(root) {
	const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.scripts.json'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('tsc -p tsconfig.scripts.json failed; see the output above.');
	return createRequire(import.meta.url)(join(root, '.scripts-build/test/emulator/sandbox.js'));
}

/** Packs this package (`npm pack`) and installs the tarball the way n8n's community node installer does. */
export function installPackage(root, home, scratch) {
	const run = (command, args, cwd) => {
		const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
		return result.stdout;
	};
	run('npm', ['run', 'build', '--silent'], root);
	const tarball = run('npm', ['pack', '--silent', '--pack-destination', scratch], root).trim().split('\n').pop();
	const nodes = join(home, '.n8n/nodes');
	mkdirSync(nodes, { recursive: true });
	writeFileSync(join(nodes, 'package.json'), '{ "private": true }\n');
	run('npm', ['install', '--omit=peer', '--no-audit', '--no-fund', '--loglevel=error', join(scratch, tarball)], nodes);
	return tarball;
}
