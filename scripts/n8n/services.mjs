// Postgres and Redis for n8n's queue mode, from Debian packages, run privately on free
// 127.0.0.1 ports under a temp folder. Every process is started in its own process group, so
// stopping the group also stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port nobody listens on right now, chosen by the kernel. */
export async function freePort() {
	const server = createServer();
	await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

const isRoot = process.getuid?.() === 0;

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${(result.stderr || result.stdout || result.error?.message || '').slice(-1500)}`);
	}
	return result.stdout;
}

/** The newest Postgres server binaries the Debian packages installed, if any. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((version) => existsSync(join(root, version, 'bin/postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function redisBin() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
	return found || undefined;
}

/**
 * Installs the Debian packages `postgresql` and `redis-server` when their servers are missing
 * (as root, or through sudo). Returns what it found, and what it installed in how many seconds.
 */
export function ensurePackages() {
	const missing = [...(postgresBin() ? [] : ['postgresql']), ...(redisBin() ? [] : ['redis-server'])];
	let seconds = 0;
	if (missing.length) {
		const started = Date.now();
		const sudo = isRoot ? [] : ['sudo', '-n'];
		const apt = (...args) => {
			const [command, ...rest] = [...sudo, 'apt-get', ...args];
			return spawnSync(command, rest, {
				stdio: ['ignore', 'inherit', 'inherit'],
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			}).status;
		};
		console.log(`queue: installing ${missing.join(' ')} from the Debian packages`);
		// Only the packages are wanted: their own services (Postgres on 5432, Redis on 6379) are
		// not started, since this suite runs private ones. policy-rc.d is the Debian way to say so.
		const policy = '/usr/sbin/policy-rc.d';
		const ownPolicy = isRoot && !existsSync(policy);
		if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
		// The package lists may be missing or stale on a fresh machine: update once and try again.
		try {
			if (apt('install', '-y', '--no-install-recommends', ...missing) !== 0) {
				if (apt('update') !== 0 || apt('install', '-y', '--no-install-recommends', ...missing) !== 0) {
					throw new Error(`apt-get install ${missing.join(' ')} failed; install them yourself (needs root)`);
				}
			}
		} finally {
			if (ownPolicy) rmSync(policy);
		}
		seconds = (Date.now() - started) / 1000;
	}
	const postgres = postgresBin();
	const redis = redisBin();
	if (!postgres || !redis) throw new Error(`No ${postgres ? 'redis-server' : 'Postgres server'} after installing ${missing.join(' ')}`);
	return { postgres, redis, installed: missing, seconds };
}

/** Starts a long-running server in a process group of its own, its output to `logFile`. */
function launch(command, args, logFile, options = {}) {
	const log = openSync(logFile, 'a');
	const child = spawn(command, args, { stdio: ['ignore', log, log], detached: true, ...options });
	closeSync(log);
	child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
	return child;
}

/** Signals a process group; false when it is gone already. */
export function signalGroup(child, signal) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return false;
	try {
		process.kill(-child.pid, signal);
		return true;
	} catch {
		return false;
	}
}

/** Stops a process group: `signal`, then SIGKILL after `graceMs`. */
export async function stopGroup(child, signal = 'SIGTERM', graceMs = 20_000) {
	if (!signalGroup(child, signal)) return;
	if ((await Promise.race([child.exited.then(() => 'exited'), sleep(graceMs)])) !== 'exited') {
		signalGroup(child, 'SIGKILL');
		await child.exited;
	}
}

/** Waits until `ready()`; a server that does not get ready is stopped before the error is thrown. */
async function waitFor(what, child, logFile, ready, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	let problem;
	while (!problem && !(await ready())) {
		if (child.exitCode !== null || child.signalCode !== null) {
			problem = `${what} exited (${child.exitCode ?? child.signalCode}): ${readFileSync(logFile, 'utf8').slice(-1500)}`;
		} else if (Date.now() > deadline) {
			problem = `${what} was not ready within ${timeoutMs / 1000} s; see ${logFile}`;
		} else {
			await sleep(200);
		}
	}
	if (problem) {
		signalGroup(child, 'SIGKILL');
		throw new Error(problem);
	}
}

export const DATABASE = { name: 'n8n', user: 'n8n', password: 'bulk-sms-queue-db-password' };

/**
 * A private Postgres cluster: initdb under `folder`, listening on 127.0.0.1:`port` only.
 * Postgres refuses to run as root, so as root it runs as the `postgres` user the Debian package
 * creates (else `nobody`).
 */
export async function startPostgres(bin, folder, port) {
	const data = join(folder, 'postgres');
	mkdirSync(data, { recursive: true });
	const passwordFile = join(folder, 'postgres-password');
	writeFileSync(passwordFile, `${DATABASE.password}\n`);
	let asUser = [];
	if (isRoot) {
		const user = spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
		const uid = Number(run('id', ['-u', user]).trim());
		const gid = Number(run('id', ['-g', user]).trim());
		chmodSync(folder, 0o755);
		for (const path of [data, passwordFile]) chownSync(path, uid, gid);
		// setpriv runs the command in place (no extra parent), so signals reach Postgres itself.
		asUser = ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'];
	}
	const as = (command, args) => (asUser.length ? [asUser[0], [...asUser.slice(1), command, ...args]] : [command, args]);
	run(...as(join(bin, 'initdb'), [
		'-D', data, '-U', DATABASE.user, '--pwfile', passwordFile, '--auth-local=trust', '--auth-host=scram-sha-256',
		'-E', 'UTF8', '--locale=C', '--no-sync',
	]), { cwd: folder });
	const logFile = join(folder, 'postgres.log');
	const server = launch(
		...as(join(bin, 'postgres'), [
			'-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', data,
			// A throwaway cluster: durability is not needed.
			'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
		]),
		logFile,
		{ cwd: folder },
	);
	const env = { ...process.env, PGPASSWORD: DATABASE.password };
	const psql = (sql) =>
		spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', DATABASE.user, '-d', 'postgres', '-tAc', sql], {
			env,
			encoding: 'utf8',
		});
	await waitFor('Postgres', server, logFile, async () => psql('SELECT 1').status === 0);
	const created = psql(`CREATE DATABASE ${DATABASE.name}`);
	if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
	const version = psql('SHOW server_version').stdout.trim();
	return { server, port, version, logFile };
}

/** Redis on 127.0.0.1:`port`, nothing saved to disk. */
export async function startRedis(bin, folder, port) {
	const logFile = join(folder, 'redis.log');
	const dir = join(folder, 'redis');
	mkdirSync(dir, { recursive: true });
	const server = launch(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], logFile);
	await waitFor('Redis', server, logFile, async () => readFileSync(logFile, 'utf8').includes('Ready to accept connections'));
	const version = /version=([\d.]+)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? '';
	return { server, port, version, logFile };
}
