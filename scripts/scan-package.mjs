// n8n's community package scanner (@n8n/scan-community-package), run locally the way its CLI runs
// after downloading a package: its analyzePackage on the node and credential sources, and on the
// published tarball (built and packed here, then extracted). Exits 1 on any finding.
// Part of `npm run lint`. `node scripts/scan-package.mjs <dir>` scans another checkout.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(process.argv[2] ?? here);
// Build inputs only: the copy is built and packed without touching the checkout's dist/.
const skipped = new Set(['node_modules', 'dist', '.git', '.n8n', 'coverage', '.scripts-build', 'docs']);

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}${result.stderr}`);
	}
	return result.stdout;
}

function packInto(work) {
	const copy = join(work, 'package');
	mkdirSync(copy);
	for (const entry of readdirSync(root)) {
		if (!skipped.has(entry) && !entry.endsWith('.tgz')) cpSync(join(root, entry), join(copy, entry), { recursive: true });
	}
	const modules = existsSync(join(root, 'node_modules')) ? join(root, 'node_modules') : join(here, 'node_modules');
	symlinkSync(modules, join(copy, 'node_modules'), 'dir');
	run('npm', ['run', '--silent', 'build'], copy);
	const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], copy));
	const unpacked = join(work, 'unpacked');
	mkdirSync(unpacked);
	// As the scanner's CLI does with the downloaded tarball.
	run('tar', ['-xzf', join(work, filename), '-C', unpacked, '--strip-components=1'], work);
	return { unpacked, filename };
}

async function main() {
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'bulk-sms-scan-'));
	try {
		// The scanner makes a temp dir when loaded: inside ours, so it goes when we clean up.
		process.env.TMPDIR = work;
		const { SOURCE_FILE_PATTERNS, analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
		const sources = await analyzePackage(root, SOURCE_FILE_PATTERNS);
		const { unpacked, filename } = packInto(work);
		const tarball = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
		const legs = [
			{ name: `sources (${SOURCE_FILE_PATTERNS.join(', ')})`, ...sources },
			{ name: `tarball ${filename} (compiled .js, package.json)`, ...tarball },
		];
		for (const leg of legs) {
			console.log(`${leg.passed ? 'pass' : 'FAIL'}  community package scanner: ${leg.name}${leg.message ? ` — ${leg.message}` : ''}`);
			if (leg.details) console.log(leg.details);
		}
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (legs.some((leg) => !leg.passed)) {
			console.error(`@n8n/scan-community-package found problems (${seconds} s): n8n would refuse this package.`);
			process.exitCode = 1;
		} else {
			console.log(`@n8n/scan-community-package: no findings (${seconds} s)`);
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
