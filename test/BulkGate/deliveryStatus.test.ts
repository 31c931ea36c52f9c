import type { IDataObject } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, czech, czechDigits, json } from './fixture';

const DELIVERY = '/api/1.0/advanced/delivery/post';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

function lookUp(items: IDataObject[], continueOnFail = false) {
	return fixture.run(
		{ resource: 'message', operation: 'getDeliveryStatus', messageId: '={{ $json.messageId }}' },
		items,
		{ continueOnFail },
	);
}

async function sendTo(numbers: string[], schedule?: string) {
	const { items } = await fixture.run(
		{
			resource: 'message',
			operation: 'sendPromotional',
			number: '={{ $json.to }}',
			text: 'Sale',
			...(schedule ? { additionalFields: { schedule } } : {}),
		},
		numbers.map((to) => ({ to })),
	);
	return json(items);
}

describe('Message → Get Delivery Status', () => {
	test('the messageId a send returned finds what the emulator delivered; one request per item', async () => {
		const sent = await sendTo([czech(1), czech(2)]);
		const scheduled = await sendTo([czech(3)], '2099-01-01T10:00');
		const { items, error } = await lookUp([...sent, ...scheduled]);
		expect(error).toBeUndefined();
		expect(json(items)).toEqual([
			{
				provider: 'BulkGate',
				messageId: sent[0].messageId,
				status: 'delivered',
				statusCode: 1,
				to: `+${czechDigits(1)}`,
				channel: 'sms',
				price: 1,
				raw: { message_id: sent[0].messageId, number: czechDigits(1), status: 1, channel: 'sms', price: 1 },
			},
			expect.objectContaining({ messageId: sent[1].messageId, status: 'delivered', to: `+${czechDigits(2)}` }),
			expect.objectContaining({ messageId: scheduled[0].messageId, status: 'scheduled', statusCode: 'scheduled' }),
		]);
		expect(fixture.bodies(DELIVERY).map((body) => body.message_id)).toEqual([
			sent[0].messageId,
			sent[1].messageId,
			scheduled[0].messageId,
		]);
		expect(fixture.bodies(DELIVERY)[0]).toEqual({
			message_id: sent[0].messageId,
			application_id: '12345',
			application_token: 'token-12345',
		});
	});

	test('an unknown ID: BulkGate’s error on that item; with On Error: Continue the others are still looked up', async () => {
		const [sent] = await sendTo([czech(1)]);
		const { items } = await lookUp([{ messageId: 'nope-0' }, sent], true);
		expect(json(items)).toEqual([
			{ error: 'Item 0: BulkGate refused the request (message_not_found, HTTP 400): Message not found.' },
			expect.objectContaining({ status: 'delivered' }),
		]);
	});

	test.each([
		['200 with an error body', 200, { type: 'unknown_identity', code: 401, error: 'Unknown identity', detail: null }, /^Item 0: BulkGate refused the request \(unknown_identity, HTTP 401\): Unknown identity\. Check the Application ID/],
		['the legacy shape', 401, { error: 'authentication_failed', code: 401 }, /^Item 0: BulkGate refused the request \(authentication_failed, HTTP 401\)/],
		['an HTML page', 200, '<html>Welcome</html>', /^Item 0: BulkGate answered HTTP 200 with an HTML page instead of JSON/],
	])('gateway error shapes (%s) become the item’s error', async (_name, status, body, message) => {
		fixture.emulator.inject({ match: { path: DELIVERY }, status, body });
		const { error } = await lookUp([{ messageId: 'promotional-x-0' }]);
		expect(error?.message).toMatch(message);
		expect(fixture.emulator.requestsTo('POST', DELIVERY)).toHaveLength(1);
	});

	test('bad input (empty, an object, the null of an unknown-outcome send) is never sent', async () => {
		const items = [{ messageId: '' }, { messageId: { id: 1 } }, { messageId: null }];
		const stopped = await lookUp(items);
		expect(stopped.error?.message).toBe('Item 0: Message ID is empty');
		expect(fixture.emulator.requests).toHaveLength(0);
		const continued = await lookUp(items, true);
		expect(json(continued.items).map((item) => item.error)).toEqual([
			'Item 0: Message ID is empty',
			'Item 1: Message ID is an object',
			'Item 2: Message ID is empty (null)',
		]);
		expect(fixture.emulator.requests).toHaveLength(0);
	});

	test('429 waits and tries again; a 5xx is reported once', async () => {
		const [sent] = await sendTo([czech(1)]);
		fixture.emulator.inject({ match: { path: DELIVERY }, times: 2, status: 429 });
		const { items } = await lookUp([sent]);
		expect(items[0].json.status).toBe('delivered');
		expect(fixture.emulator.requestsTo('POST', DELIVERY).map((request) => request.status)).toEqual([429, 429, 200]);

		fixture.emulator.inject({ match: { path: DELIVERY }, status: 503 });
		const { error } = await lookUp([sent]);
		expect(error?.message).toBe('Item 0: BulkGate answered HTTP 503 to the request');
		expect(fixture.emulator.requestsTo('POST', DELIVERY)).toHaveLength(4);
	});
});
