// Writes the credentials and workflows scripts/e2e.sh imports into n8n, pointed at the emulator.
// argv: emulator URLs (JSON), output folder
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [urls, folder] = [JSON.parse(process.argv[2]), process.argv[3]];
const write = (name, data) => writeFileSync(join(folder, name), `${JSON.stringify(data, null, '\t')}\n`);
const PKG = 'n8n-nodes-bulk-sms';

write('credentials.json', [
	{
		id: 'bulkSmsE2eBtm',
		name: 'BulkTextMessage (emulator)',
		type: 'bulkTextMessageApi',
		data: { clientId: 'client-1', clientSecret: 'secret-1', baseUrl: urls.bulkTextMessageUrl, accessToken: '' },
	},
	{
		id: 'bulkSmsE2eBg',
		name: 'BulkGate (emulator)',
		type: 'bulkGateApi',
		data: { applicationId: '12345', applicationToken: 'token-12345', baseUrl: urls.bulkGateUrl },
	},
]);

/** Manual Trigger → Code (1,000 recipients) → the node under test. */
function sendWorkflow(id, node) {
	const recipients = [
		'return Array.from({ length: 1000 }, (_, i) => ({',
		"\tjson: { phone: '+44 7700 ' + String(900000 + i), orderId: 70000 + i, name: 'Customer ' + i },",
		'}));',
	].join('\n');
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'n2', name: 'Recipients', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: recipients } },
			{ id: 'n3', name: 'Send', position: [440, 0], typeVersion: 1, onError: 'continueRegularOutput', ...node },
		],
		connections: {
			Start: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	};
}

write(
	'sendToMany.json',
	sendWorkflow('bulkSmsE2esendToMany', {
		type: `${PKG}.bulkTextMessage`,
		credentials: { bulkTextMessageApi: { id: 'bulkSmsE2eBtm', name: 'BulkTextMessage (emulator)' } },
		parameters: {
			resource: 'sms',
			operation: 'sendToMany',
			to: '={{ $json.phone }}',
			message: 'Your order has shipped.',
			additionalFields: { externalId: '={{ $json.orderId }}', scheduledAt: '2026-12-24T09:30:00' },
		},
	}),
);

write(
	'sendPromotional.json',
	sendWorkflow('bulkSmsE2esendPromotional', {
		type: `${PKG}.bulkGate`,
		credentials: { bulkGateApi: { id: 'bulkSmsE2eBg', name: 'BulkGate (emulator)' } },
		parameters: {
			resource: 'message',
			operation: 'sendPromotional',
			sendTo: ['items'],
			number: '={{ $json.phone }}',
			text: 'Hi <name>, 20 % off today',
			variables: { variable: [{ name: 'name', value: '={{ $json.name }}' }] },
		},
	}),
);

write('deliveryReports.json', {
	id: 'bulkSmsE2edeliveryReports',
	name: 'bulkSmsE2edeliveryReports',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'n1',
			name: 'BulkGate Trigger',
			type: `${PKG}.bulkGateTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'bulk-sms-e2e-dlr',
			parameters: { authentication: 'queryToken', queryToken: 'e2e-secret' },
		},
	],
	connections: {},
});
