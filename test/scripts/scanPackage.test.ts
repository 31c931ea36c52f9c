/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test-only: runs the scan script as a process on a temporary copy of the package, which n8n's Cloud rules forbid in shipped nodes */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// scripts/scan-package.mjs (part of `npm run lint`) must fail when n8n's community package
// scanner finds something, in the sources and in the packed tarball. A copy of the package gets
// one file that reads `process.env`, which the scanner's no-restricted-globals rule forbids.
const root = resolve(__dirname, '../..');
const skipped = new Set(['node_modules', 'dist', '.git', '.n8n', 'coverage', '.scripts-build', 'docs']);

describe('scripts/scan-package.mjs', () => {
	let copy: string;

	beforeAll(() => {
		copy = mkdtempSync(join(tmpdir(), 'bulk-sms-scan-test-'));
		for (const entry of readdirSync(root)) {
			if (!skipped.has(entry) && !entry.endsWith('.tgz')) cpSync(join(root, entry), join(copy, entry), { recursive: true });
		}
		writeFileSync(join(copy, 'nodes/shared/injectedFinding.ts'), 'export const home = () => process.env.HOME;\n');
	});

	afterAll(() => rmSync(copy, { recursive: true, force: true }));

	it('fails on a forbidden global, naming the rule and the file in the sources and in the tarball', () => {
		const run = spawnSync(process.execPath, [join(root, 'scripts/scan-package.mjs'), copy], { encoding: 'utf8' });
		const output = `${run.stdout}${run.stderr}`;

		expect(run.status).toBe(1);
		expect(output).toMatch(/^FAIL {2}community package scanner: sources/m);
		expect(output).toMatch(/^FAIL {2}community package scanner: tarball n8n-nodes-bulk-sms-/m);
		expect(output).toContain(join(copy, 'nodes/shared/injectedFinding.ts'));
		expect(output).toMatch(/injectedFinding\.js/);
		expect(output.match(/@n8n\/community-nodes\/no-restricted-globals/g)?.length).toBeGreaterThanOrEqual(2);
	}, 300000);
});
