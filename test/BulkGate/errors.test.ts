import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, TRANSACTIONAL, czech, czechDigits, czechE164 } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => {
	await fixture.start();
	fixture.addCredential('wrong-token', { applicationToken: 'not-the-token' });
});
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const recipients = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ to: czech(from + i) }));
const numbers = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => czechDigits(from + i));

function transactional(
	items: IDataObject[],
	extra: { continueOnFail?: boolean; credentialId?: string } = {},
	options: INodeParameters = {},
) {
	const parameters: INodeParameters = {
		resource: 'message',
		operation: 'sendTransactional',
		number: '={{ $json.to }}',
		text: 'Your code is 1234',
		options,
	};
	return fixture.run(parameters, items, extra);
}

function promotional(items: IDataObject[], continueOnFail = false, batchSize = 2) {
	const parameters: INodeParameters = {
		resource: 'message',
		operation: 'sendPromotional',
		number: '={{ $json.to }}',
		text: 'Summer sale',
		options: { batchSize },
	};
	return fixture.run(parameters, items, { continueOnFail });
}

describe('request-level errors become NodeApiErrors with BulkGate’s type and message', () => {
	test('401 unknown_identity: the credential is named, nothing is sent', async () => {
		const { error } = await transactional(recipients(0, 1), { credentialId: 'wrong-token' });
		expect(error?.message).toBe(
			'Item 0: BulkGate refused the request (unknown_identity, HTTP 401): Unknown identity / unauthorized / empty application_id. Check the Application ID and Application Token in the BulkGate API credential.',
		);
		expect(error?.httpCode).toBe('401');
		expect(error?.description).toBe('Nothing was sent for item 0.');
		const answered = fixture.emulator.requestsTo('POST', TRANSACTIONAL);
		expect(answered.map((request) => request.status)).toEqual([401]);
		expect(fixture.api.messages).toHaveLength(0);
	});

	test('400 invalid_phone_number on a transactional send fails that item only', async () => {
		fixture.api.invalidNumbers.add(czechDigits(1));
		const { items } = await transactional(recipients(0, 3), { continueOnFail: true });
		expect(items[1].json.error).toBe(
			'Item 1: BulkGate refused the request (invalid_phone_number, HTTP 400): Invalid phone number.',
		);
		expect(items[1].json).toMatchObject({ status: 'refused', errorCode: 'invalid_phone_number', errorReason: 'Invalid phone number' });
		expect(items.map((item) => item.json.accepted ?? false)).toEqual([true, false, true]);
		expect(fixture.emulator.requestsTo('POST', TRANSACTIONAL)).toHaveLength(3);
	});

	test('low_credit: the whole batch fails, says nothing was sent, and later batches still go', async () => {
		fixture.api.credit = 2;
		const { items } = await promotional(recipients(10, 4), true);
		const bodies = fixture.bodies(PROMOTIONAL);
		expect(bodies).toHaveLength(2);
		expect(items.map((item) => item.json.accepted ?? false)).toEqual([true, true, false, false]);
		expect(items[2].json.error).toBe(
			'Item 2: BulkGate refused the request (low_credit, HTTP 400): Insufficient funds. Top up the credit in the BulkGate Portal.',
		);
		expect(items[3].json).toMatchObject({ status: 'refused', errorCode: 'low_credit', errorReason: 'Insufficient funds' });
		expect(fixture.storedCount(numbers(10, 4))).toEqual([1, 1, 0, 0]);
		expect(fixture.api.credit).toBe(0);
	});

	test.each([
		[
			'new shape',
			{ type: 'low_credit', code: 400, error: 'Insufficient funds', detail: null },
			'Item 0: BulkGate refused the request (low_credit, HTTP 400): Insufficient funds. Top up the credit in the BulkGate Portal.',
			'400',
		],
		[
			'new shape with detail',
			{ type: 'banned', code: 403, error: 'Account is blocked', detail: 'Contact support' },
			'Item 0: BulkGate refused the request (banned, HTTP 403): Account is blocked (Contact support). The BulkGate account is blocked; contact BulkGate support.',
			'403',
		],
		[
			'legacy shape',
			{ error: 'authentication_failed', code: 401 },
			'Item 0: BulkGate refused the request (authentication_failed, HTTP 401): Authentication failed. Check the Application ID and Application Token in the BulkGate API credential.',
			'401',
		],
	])(
		'an error body with HTTP 200 (%s) is an error too, and not resent',
		async (_shape, body, message, httpCode) => {
			fixture.emulator.inject({ match: { path: TRANSACTIONAL }, status: 200, body });
			const { error } = await transactional(recipients(20, 1));
			expect(error?.message).toBe(message);
			expect(error?.httpCode).toBe(httpCode);
			expect(fixture.emulator.requestsTo('POST', TRANSACTIONAL)).toHaveLength(1);
		},
	);

	test('banned (HTTP 403) stops the node with BulkGate’s words', async () => {
		fixture.api.bannedApplications.add('12345');
		const { error } = await promotional(recipients(25, 2));
		expect(error?.message).toBe(
			'Item 0: BulkGate refused the request (banned, HTTP 403): Account is blocked. The BulkGate account is blocked; contact BulkGate support.',
		);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(1);
	});
});

describe('429 Too Many Requests waits and retries: no loss, no duplicate', () => {
	test('transactional, Retry-After: 0', async () => {
		fixture.emulator.inject({
			match: { path: TRANSACTIONAL },
			times: 2,
			status: 429,
			headers: { 'retry-after': '0' },
			body: { type: 'unknown', code: 429, error: 'Too many requests', detail: null },
		});
		const { items, error } = await transactional(recipients(30, 3));
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', TRANSACTIONAL).map((request) => request.status)).toEqual([
			429, 429, 200, 200, 200,
		]);
		expect(fixture.storedCount(numbers(30, 3))).toEqual([1, 1, 1]);
		expect(items.every((item) => item.json.accepted === true)).toBe(true);
	});

	test('promotional, Retry-After: 1: the batch is retried once, every batch sent once', async () => {
		fixture.emulator.inject({ match: { path: PROMOTIONAL }, status: 429, headers: { 'retry-after': '1' } });
		const { error } = await promotional(recipients(40, 5));
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL).map((request) => request.status)).toEqual([
			429, 200, 200, 200,
		]);
		expect(fixture.storedCount(numbers(40, 5))).toEqual([1, 1, 1, 1, 1]);
	});
});

describe('a send that may have been accepted is never resent', () => {
	test('5xx on a promotional batch: its items say the outcome is unknown, the other batches go', async () => {
		fixture.emulator.inject({
			match: { path: PROMOTIONAL },
			afterHandling: true,
			status: 502,
			body: 'Bad gateway',
		});
		const { items } = await promotional(recipients(50, 4), true);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL).map((request) => request.status)).toEqual([
			502, 200,
		]);
		expect(items[0].json.error).toBe(
			`Item 0: outcome unknown: BulkGate answered HTTP 502 to the send request. It was not resent, to avoid a double message. Look for the message to ${czechE164(50)} in the BulkGate Portal's message history, or wait for its delivery report (BulkGate Trigger), before sending again; with its message ID from there, Message → Get Delivery Status shows its state.`,
		);
		expect(items[1].json.error).toContain('outcome unknown');
		expect(items.slice(2).map((item) => item.json.accepted)).toEqual([true, true]);
		// The emulator stored the first batch before failing: each number got exactly one message.
		expect(fixture.storedCount(numbers(50, 4))).toEqual([1, 1, 1, 1]);
	});

	test('connection reset after BulkGate took a transactional send: not resent, the next item goes', async () => {
		fixture.emulator.inject({ match: { path: TRANSACTIONAL }, afterHandling: true, reset: true });
		const { items } = await transactional(recipients(60, 2), { continueOnFail: true });
		expect(fixture.emulator.requestsTo('POST', TRANSACTIONAL)).toHaveLength(2);
		expect(items[0].json.error).toMatch(
			/^Item 0: outcome unknown: The connection to BulkGate failed before an answer arrived/,
		);
		expect(items[1].json.accepted).toBe(true);
		expect(fixture.storedCount(numbers(60, 2))).toEqual([1, 1]);
	});

	test('no answer within the Timeout option: not resent', async () => {
		fixture.emulator.inject({ match: { path: TRANSACTIONAL }, afterHandling: true, delayMs: 1500 });
		const { error } = await transactional(recipients(70, 1), {}, { timeout: 1000 });
		expect(error?.message).toMatch(/^Item 0: outcome unknown: .*It was not resent/);
		expect(fixture.emulator.requestsTo('POST', TRANSACTIONAL)).toHaveLength(1);
		expect(fixture.storedCount(numbers(70, 1))).toEqual([1]);
	});

	test('an answer that is not JSON: not resent', async () => {
		fixture.emulator.inject({
			match: { path: TRANSACTIONAL },
			afterHandling: true,
			status: 200,
			body: '<html>Maintenance</html>',
		});
		const { error } = await transactional(recipients(80, 1));
		expect(error?.message).toMatch(
			/^Item 0: outcome unknown: BulkGate answered the send without a readable list of recipients/,
		);
		expect(fixture.emulator.requestsTo('POST', TRANSACTIONAL)).toHaveLength(1);
	});

	test('an accepted entry without a message ID: outcome unknown', async () => {
		fixture.emulator.inject({
			match: { path: TRANSACTIONAL },
			afterHandling: true,
			status: 200,
			body: { data: { response: [{ status: 'accepted', number: czechDigits(90) }] } },
		});
		const { error } = await transactional(recipients(90, 1));
		expect(error?.message).toContain(
			`outcome unknown: BulkGate answered "accepted" for ${czechDigits(90)} without a message ID`,
		);
	});
});
