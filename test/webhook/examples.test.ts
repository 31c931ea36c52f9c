import { randomBytes } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';
import bulkGateExample from '../../examples/bulkgate-delivery-reports.json';
import optOutExample from '../../examples/bulkgate-opt-outs.json';
import bulkTextMessageExample from '../../examples/bulktextmessage-status-updates.json';
import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import { get, openTrigger, postJson, withQuery, type Reply } from './calls';
import { bulkGateReport, sms } from './payloads';

interface ExampleWorkflow {
	nodes: Array<{ name: string; type: string; parameters: object }>;
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const examples: Array<
	[
		string,
		ExampleWorkflow,
		BulkGateTrigger | BulkTextMessageTrigger,
		(url: string) => Promise<Reply>,
	]
> = [
	[
		'bulkgate-delivery-reports',
		bulkGateExample,
		new BulkGateTrigger(),
		async (url) => await get(url, bulkGateReport()),
	],
	[
		'bulkgate-opt-outs',
		optOutExample,
		new BulkGateTrigger(),
		async (url) => await postJson(url, [{ status: '10', from: '420777000004', text: 'STOP' }]),
	],
	[
		'bulktextmessage-status-updates',
		bulkTextMessageExample,
		new BulkTextMessageTrigger(),
		async (url) => await postJson(url, sms()),
	],
];

describe.each(examples)('example %s', (_file, workflow, trigger, call) => {
	const triggerNode = workflow.nodes.find(
		(node) => node.type === `n8n-nodes-bulk-sms.${trigger.description.name}`,
	);

	test('uses only parameters the trigger has, and connects only nodes it contains', () => {
		const known = new Set(trigger.description.properties.map((property) => property.name));
		expect(triggerNode).toBeDefined();
		expect(Object.keys(triggerNode!.parameters).filter((name) => !known.has(name))).toEqual([]);

		const names = new Set(workflow.nodes.map((node) => node.name));
		const linked = Object.entries(workflow.connections).flatMap(([from, { main }]) => [
			from,
			...main.flat().map((link) => link.node),
		]);
		expect(linked.filter((name) => !names.has(name))).toEqual([]);
	});

	test('its trigger, once given a token, runs a gateway call and refuses one without it', async () => {
		const token = randomBytes(16).toString('hex');
		const parameters = { ...(triggerNode!.parameters as INodeParameters), queryToken: token };
		const server = await openTrigger(trigger, parameters);

		expect((await call(server.url)).status).toBe(401);
		expect((await call(withQuery(server.url, { token }))).status).toBe(200);
		expect(server.executions).toHaveLength(1);
	});
});
