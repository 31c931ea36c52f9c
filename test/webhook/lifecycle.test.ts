import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import bulkGateCodex from '../../nodes/BulkGate/BulkGateTrigger.node.json';
import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import bulkTextMessageCodex from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node.json';
import { openTrigger } from './calls';

const triggers: Array<[string, BulkGateTrigger | BulkTextMessageTrigger, { node: string }]> = [
	['BulkGate', new BulkGateTrigger(), bulkGateCodex],
	['BulkTextMessage', new BulkTextMessageTrigger(), bulkTextMessageCodex],
];

describe.each(triggers)('%s Trigger', (_name, trigger, codex) => {
	const lifecycle = trigger.webhookMethods.default;

	test('activation remembers the URL calls arrive at; deactivation forgets it', async () => {
		const server = await openTrigger(trigger);
		const context = server.hookContext();

		expect(await lifecycle.checkExists.call(context)).toBe(false);
		expect(await lifecycle.create.call(context)).toBe(true);
		expect(context.getWorkflowStaticData('node').webhookUrl).toBe(server.url);
		expect(await lifecycle.checkExists.call(context)).toBe(true);
		expect(await lifecycle.delete.call(context)).toBe(true);
		expect(await lifecycle.checkExists.call(context)).toBe(false);
	});

	test('activation is refused while the chosen authentication has no secret', async () => {
		const server = await openTrigger(trigger, { authentication: 'headerSecret', headerSecret: '' });
		const context = server.hookContext();

		await expect(lifecycle.create.call(context)).rejects.toThrow('Secret is empty');
		expect(context.getWorkflowStaticData('node').webhookUrl).toBeUndefined();
	});

	test('the codex names this node type', () => {
		expect(codex.node).toBe(`n8n-nodes-bulk-sms.${trigger.description.name}`);
	});
});
