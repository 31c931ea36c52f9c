// n8n's editor (2.41.1) in headless Chromium, driven by puppeteer-core: signs in, opens workflows,
// checks what the editor shows and takes screenshots. Elements are found by n8n's data-test-id
// attributes and by node names and types, never by displayed labels.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer from 'puppeteer-core';

const VIEWPORT = { width: 1440, height: 900, deviceScaleFactor: 1 };

/** Debian's `chromium`, or the browser CHROMIUM_PATH names. */
export function findChromium() {
	const named = process.env.CHROMIUM_PATH;
	if (named) return named;
	const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
	if (!found) throw new Error('No chromium found: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH');
	return found;
}

export class Editor {
	constructor(url, browser) {
		this.url = url;
		this.browser = browser;
	}

	static async launch(url) {
		const browser = await puppeteer.launch({
			executablePath: findChromium(),
			// Root in a container has no user namespaces for Chromium's sandbox.
			args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-US'],
			defaultViewport: VIEWPORT,
		});
		return new Editor(url, browser);
	}

	async close() {
		await this.browser.close();
	}

	async newPage() {
		const page = await this.browser.newPage();
		// Generous: the machines this runs on are often busy; a real hang still ends the run.
		page.setDefaultTimeout(120_000);
		return page;
	}

	/** Signs in through the sign-in form; the session cookie then serves every page. */
	async signIn({ email, password }) {
		const page = await this.newPage();
		await page.goto(`${this.url}/signin`, { waitUntil: 'domcontentloaded' });
		await page.waitForSelector('input[name="emailOrLdapLoginId"]');
		await page.type('input[name="emailOrLdapLoginId"]', email);
		await page.type('input[name="password"]', password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForFunction(() => location.pathname !== '/signin', { timeout: 120_000 });
		await page.close();
	}

	/**
	 * Opens a workflow in the editor's tab and waits until all its nodes are on the canvas.
	 * Navigation stays inside the app (no reload of its bundle, which is slow on a busy machine).
	 * Console errors are collected from then on in `page.consoleErrors`.
	 */
	async openWorkflow(workflow, path = `/workflow/${workflow.id}`) {
		const page = this.page ?? (await this.editorPage(path));
		if (page.url() !== this.url + path) {
			page.consoleErrors = [];
			await this.navigate(page, path);
		}
		// Sticky notes are drawn differently; every other node must be on the canvas.
		const names = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.name);
		await page.waitForFunction(
			(expected, target) => {
				if (location.pathname !== target) return false;
				const shown = new Set([...document.querySelectorAll('[data-test-id="canvas-node"]')].map((node) => node.getAttribute('data-node-name')));
				return shown.size === expected.length && expected.every((name) => shown.has(name));
			},
			{},
			names,
			path,
		);
		// Issue badges and toasts come from requests that finish after the canvas is drawn.
		await waitForQuiet(page);
		return page;
	}

	/** Goes to a path of the editor through its router (a full load where that is not available). */
	async navigate(page, path) {
		const routed = await page.evaluate(async (target) => {
			const router = document.querySelector('#app')?.__vue_app__?.config.globalProperties.$router;
			if (!router) return false;
			await router.push(target);
			return true;
		}, path);
		if (!routed) await page.goto(this.url + path, { waitUntil: 'domcontentloaded' });
	}

	/** The one tab the editor runs in, first loaded at `path`. */
	async editorPage(path) {
		const page = await this.newPage();
		page.consoleErrors = [];
		page.on('console', (message) => {
			if (message.type() === 'error') page.consoleErrors.push(message.text());
		});
		page.on('pageerror', (error) => page.consoleErrors.push(error.message));
		// Leaving a workflow with unsaved view changes asks for confirmation.
		page.on('dialog', (dialog) => void dialog.accept());
		await page.goto(this.url + path, { waitUntil: 'domcontentloaded' });
		this.page = page;
		return page;
	}

	/** What is wrong on the open canvas, as a user would see it: one line per finding. */
	async problems(page) {
		const found = await page.evaluate(() => {
			const nodeOf = (element) => element.closest('[data-test-id="canvas-node"]')?.getAttribute('data-node-name') ?? '?';
			const lines = [];
			for (const badge of document.querySelectorAll(
				'[data-test-id="node-issues"], [data-test-id="node-setup-required"], [data-test-id="canvas-node-status-warning"]',
			)) {
				lines.push(`node "${nodeOf(badge)}" shows ${badge.getAttribute('data-test-id')}`);
			}
			for (const toast of document.querySelectorAll('.el-notification--error, .el-notification--warning')) {
				lines.push(`toast: ${toast.textContent.trim().replace(/\s+/g, ' ')}`);
			}
			if (document.body.innerText.includes('Install this node')) lines.push('the editor asks to "Install this node"');
			return lines;
		});
		return [...found, ...page.consoleErrors.map((text) => `console error: ${text.split('\n')[0]}`)];
	}

	/** Shows an execution of a workflow on its canvas (Executions tab). */
	async openExecution(page, workflowId, executionId, nodeName) {
		await this.navigate(page, `/workflow/${workflowId}/executions/${executionId}`);
		await page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${cssString(nodeName)}"]`, { visible: true });
		await waitForQuiet(page);
	}

	/** Opens a node's panel (NDV) by double-clicking the node on the canvas. */
	async openNode(page, nodeName) {
		const node = await page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${cssString(nodeName)}"]`);
		await node.click({ count: 2 });
		await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', { visible: true });
		await waitForQuiet(page);
	}

	async closeNode(page) {
		await page.click('[data-test-id="ndv-close-button"]');
		await page.waitForSelector('[data-test-id="ndv"]', { hidden: true });
	}

	/** Runs the workflow from the canvas and waits until the node has run successfully. */
	async executeWorkflow(page, nodeName) {
		await page.click('[data-test-id="execute-workflow-button"]');
		await page.waitForSelector(
			`[data-test-id="canvas-node"][data-node-name="${cssString(nodeName)}"] [data-test-id="canvas-node-status-success"]`,
			{ timeout: 120_000 },
		);
	}

	/** Shows the output panel as a table. */
	async outputAsTable(page) {
		await page.click('[data-test-id="output-panel"] [data-test-id="radio-button-table"]');
		await page.waitForSelector('[data-test-id="output-panel"] table');
		await waitForQuiet(page);
	}

	async screenshot(page, file, selector) {
		const target = selector ? await page.waitForSelector(selector, { visible: true }) : page;
		await target.screenshot({ path: file });
	}
}

/** Waits until the page made no request for half a second (at most 10 seconds). */
async function waitForQuiet(page) {
	await page.waitForNetworkIdle({ idleTime: 500, timeout: 10_000, concurrency: 1 }).catch(() => undefined);
	await sleep(300);
}

const cssString = (value) => value.replace(/["\\]/g, '\\$&');
