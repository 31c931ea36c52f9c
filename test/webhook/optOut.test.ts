import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import { get, openTrigger, postJson } from './calls';
import { sms } from './payloads';

const bulkGate = new BulkGateTrigger();
const bulkTextMessage = new BulkTextMessageTrigger();

const OPT_OUTS = ['STOP', 'stop', ' Stop ', 'S T O P', 'Stop!', 'UNSUBSCRIBE', 'stop all', 'STOPALL', 'Cancel', 'end', 'QUIT.'];
const NOT_OPT_OUTS = ['Please stop sending me offers', 'STOPP', 'yes', '', 'Příliš žluťoučký kůň, STOP', 'START'];

describe('Opt-out detection: inbound events get optOut', () => {
	test('BulkGate Trigger: every keyword alone (any case, spaces, punctuation) is an opt-out; other texts are not', async () => {
		const server = await openTrigger(bulkGate);
		const texts = [...OPT_OUTS, ...NOT_OPT_OUTS];
		await postJson(
			server.url,
			texts.map((text) => ({ status: '10', from: '420777777777', text })),
		);
		expect(server.executions[0].map((item) => item.optOut)).toEqual(texts.map((text) => OPT_OUTS.includes(text)));
	});

	test('BulkTextMessage Trigger: the same rule on its incoming SMS', async () => {
		const server = await openTrigger(bulkTextMessage);
		const texts = [...OPT_OUTS, ...NOT_OPT_OUTS];
		await postJson(
			server.url,
			texts.map((content, id) => sms({ id, direction: 'incoming', status: 'received', content })),
		);
		expect(server.executions[0].map((item) => item.optOut)).toEqual(texts.map((text) => OPT_OUTS.includes(text)));
	});

	test('Extra Opt-Out Keywords add to the defaults, comma- or line-separated, read the same way', async () => {
		const server = await openTrigger(bulkGate, { optOutKeywords: 'konec, Odhlásit\nno more' });
		const texts = ['KONEC', 'odhlásit', 'No More', 'STOP', 'konec prosím'];
		for (const text of texts) await get(server.url, { status: '10', from: '420777777777', message: text });
		expect(server.executions.map(([item]) => item.optOut)).toEqual([true, true, true, true, false]);
	});

	test('delivery reports and status changes carry no optOut field', async () => {
		const gate = await openTrigger(bulkGate);
		await get(gate.url, { status: '1', smsID: 'a1' });
		expect(gate.executions[0][0]).not.toHaveProperty('optOut');

		const btm = await openTrigger(bulkTextMessage);
		await postJson(btm.url, sms({ content: 'STOP' }));
		expect(btm.executions[0][0]).not.toHaveProperty('optOut');
	});
});
