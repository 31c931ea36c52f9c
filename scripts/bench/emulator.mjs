// The gateway emulator in its own process, so the benchmark's memory figures are the node's alone.
// Driven over IPC by scripts/bench.mjs: { latencyMs } sets the added round trip, 'stats' counts requests.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../../.scripts-build/test/emulator/server.js');
const { BulkTextMessageEmulator } = require('../../.scripts-build/test/emulator/bulkTextMessage.js');
const { BulkGateEmulator } = require('../../.scripts-build/test/emulator/bulkGate.js');

const bulkTextMessage = new BulkTextMessageEmulator();
const bulkGate = new BulkGateEmulator();
bulkGate.credit = Number.MAX_SAFE_INTEGER;
const emulator = await startEmulator([bulkTextMessage, bulkGate]);

// Keep only counts: storing 100,000 messages is the emulator's cost, not the node's.
const forget = () => {
	emulator.requests.length = 0;
	bulkTextMessage.messages.length = 0;
	bulkGate.messages.length = 0;
};

process.on('message', (command) => {
	if (command.latencyMs !== undefined) emulator.latencyMs = command.latencyMs;
	if (command.stats) {
		const requests = emulator.requests;
		process.send({
			requests: requests.length,
			tokenExchanges: requests.filter((r) => r.path.endsWith('/oauth/access_token')).length,
		});
		forget();
	}
	if (command.stop) emulator.close().then(() => process.exit(0));
});

process.send({ ready: true, bulkTextMessageUrl: bulkTextMessage.baseUrl(emulator.url), bulkGateUrl: emulator.url });
