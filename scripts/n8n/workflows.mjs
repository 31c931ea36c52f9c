// The example workflows and sandbox credentials, made ready to import into a real n8n.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGE = 'n8n-nodes-bulk-sms';

export const CREDENTIALS = {
	bulkTextMessageApi: { id: 'sandboxBulkTextMsg', name: 'BulkTextMessage sandbox' },
	bulkGateApi: { id: 'sandboxBulkGate', name: 'BulkGate sandbox' },
};

/** The query token the example triggers are given, and the sandbox appends to its webhook URLs. */
export const TRIGGER_TOKEN = 'sandbox-webhook-token';

/** Credentials for `n8n import:credentials`, pointed at the sandbox. */
export function sandboxCredentials(sandbox, account) {
	return [
		{
			...CREDENTIALS.bulkTextMessageApi,
			type: 'bulkTextMessageApi',
			data: { ...account.bulkTextMessage, baseUrl: sandbox.bulkTextMessageUrl, accessToken: '' },
		},
		{ ...CREDENTIALS.bulkGateApi, type: 'bulkGateApi', data: { ...account.bulkGate, baseUrl: sandbox.url } },
	];
}

/** A short stable workflow ID (n8n allows at most 21 characters) from the example's file name. */
const workflowId = (name) => `ex${createHash('sha256').update(name).digest('hex').slice(0, 14)}`;

/**
 * Every example from examples/, with the sandbox credentials selected in its nodes and its
 * trigger given the sandbox token: what a user does after importing it.
 */
export function loadExamples(root) {
	const folder = join(root, 'examples');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => prepare(file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(folder, file), 'utf8'))));
}

export function prepare(name, workflow) {
	const nodes = workflow.nodes.map((node) => {
		const credentials = node.credentials && Object.fromEntries(Object.keys(node.credentials).map((type) => [type, CREDENTIALS[type]]));
		const isTrigger = node.type.startsWith(`${PACKAGE}.`) && node.type.endsWith('Trigger');
		const parameters = isTrigger ? { ...node.parameters, queryToken: TRIGGER_TOKEN } : node.parameters;
		return { ...node, parameters, ...(credentials ? { credentials } : {}) };
	});
	return { name, workflow: { ...workflow, id: workflowId(name), active: false, nodes } };
}

/** The example's trigger node of this package, if it has one. */
export function triggerOf({ workflow }) {
	return workflow.nodes.find((node) => node.type.startsWith(`${PACKAGE}.`) && node.type.endsWith('Trigger'));
}

/** The production URL of the example's trigger, with its token, or without one when `token` is null. */
export function webhookUrl(n8nUrl, example, token = TRIGGER_TOKEN) {
	const base = `${n8nUrl}/webhook/${triggerOf(example).webhookId}/webhook`;
	return token === null ? base : `${base}?token=${encodeURIComponent(token)}`;
}

/** Where the sandbox posts each gateway's reports: the production URL of its example trigger. */
export function reportTargets(n8nUrl, examples) {
	const target = (nodeName) => {
		const example = examples.find((candidate) => triggerOf(candidate)?.type === `${PACKAGE}.${nodeName}Trigger`);
		return example && webhookUrl(n8nUrl, example);
	};
	return { bulkTextMessage: target('bulkTextMessage'), bulkGate: target('bulkGate') };
}
