// One benchmark scenario in a fresh process, so its peak RSS is its own. Prints one JSON line.
// argv: JSON { kind, service, operation, count, urls, batchSize }
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runNode, shutdownEngine } = require('../../.scripts-build/test/helpers/engine.js');
const { CredentialStore } = require('../../.scripts-build/test/helpers/credentialsHelper.js');

const spec = JSON.parse(process.argv[2]);
const TEXT = 'Your order has shipped. Track it in the app.';

const phone = (i) => `+44770${String(i).padStart(7, '0')}`;

function recipients(count) {
	return Array.from({ length: count }, (_, i) => ({ phone: phone(i), ext: i + 1 }));
}

const setups = {
	bulkTextMessage: (operation) => ({
		type: 'bulkTextMessage',
		credential: ['bulkTextMessageApi', { clientId: 'client-1', clientSecret: 'secret-1', baseUrl: spec.urls.bulkTextMessageUrl, accessToken: '' }],
		parameters: {
			resource: 'sms',
			operation,
			to: '={{ $json.phone }}',
			message: TEXT,
			additionalFields: { externalId: '={{ $json.ext }}' },
			options: spec.batchSize ? { batchSize: spec.batchSize } : {},
		},
	}),
	bulkGate: (operation) => ({
		type: 'bulkGate',
		credential: ['bulkGateApi', { applicationId: '12345', applicationToken: 'token-12345', baseUrl: spec.urls.bulkGateUrl }],
		parameters: {
			resource: 'message',
			operation,
			sendTo: operation === 'sendPromotional' ? ['items'] : 'number',
			number: '={{ $json.phone }}',
			text: TEXT,
			options: spec.batchSize ? { batchSize: spec.batchSize } : {},
		},
	}),
};

const setup = setups[spec.service](spec.operation);
const store = new CredentialStore();
const details = store.add('bench', setup.credential[0], setup.credential[1]);
const items = recipients(spec.count);
const rssBefore = process.memoryUsage().rss;

const started = performance.now();
const result = await runNode({
	type: setup.type,
	parameters: setup.parameters,
	items,
	credentials: { [setup.credential[0]]: details },
	store,
	continueOnFail: true,
});
const wallMs = performance.now() - started;

const failed = result.items.filter((item) => item.json.error !== undefined).length;
process.stdout.write(
	`${JSON.stringify({
		wallMs,
		outputItems: result.items.length,
		failed,
		error: result.error?.message ?? null,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		rssBeforeMb: rssBefore / 1024 / 1024,
	})}\n`,
);
shutdownEngine();
