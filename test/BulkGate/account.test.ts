import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, INFO, czech } from './fixture';

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

const getCreditBalance = { resource: 'account', operation: 'getCreditBalance' };

describe('Account → Get Credit Balance', () => {
	test('returns the wallet’s `data`, and the credit goes down by the parts a send used', async () => {
		await fixture.run({
			resource: 'message',
			operation: 'sendTransactional',
			number: czech(1),
			text: 'x'.repeat(200),
		});
		const { items, error } = await fixture.run(getCreditBalance);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			provider: 'BulkGate',
			wallet: 'bg1805151838000001',
			credit: 10_000 - 2,
			currency: 'credits',
			freeMessages: 0,
			checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
			raw: {
				wallet: 'bg1805151838000001',
				credit: 10_000 - 2,
				currency: 'credits',
				free_messages: 0,
				datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
			},
		});
		const [request] = fixture.emulator.requestsTo('POST', INFO);
		expect(request.body).toEqual({ application_id: '12345', application_token: 'token-12345' });
	});

	test('camelCase fields, the answer time in UTC, BulkGate’s own answer in raw', async () => {
		const answer = {
			wallet: 'bg1805151838000001',
			credit: 215.8138,
			currency: 'credits',
			free_messages: 51,
			datetime: '2018-06-13T09:57:21+02:00',
		};
		fixture.emulator.inject({ match: { path: INFO }, status: 200, body: { data: answer } });

		const { items } = await fixture.run(getCreditBalance);

		expect(items[0].json).toEqual({
			provider: 'BulkGate',
			wallet: answer.wallet,
			credit: 215.8138,
			currency: 'credits',
			freeMessages: 51,
			checkedAt: '2018-06-13T07:57:21.000Z',
			raw: answer,
		});
	});

	test('a wrong token: NodeApiError with BulkGate’s type and message, asked once', async () => {
		const { error } = await fixture.run(getCreditBalance, [{}], { credentialId: 'wrong-token' });
		expect(error?.message).toBe(
			'BulkGate refused the request (unknown_identity, HTTP 401): Unknown identity / unauthorized / empty application_id. Check the Application ID and Application Token in the BulkGate API credential.',
		);
		expect(error?.httpCode).toBe('401');
		expect(fixture.emulator.requestsTo('POST', INFO)).toHaveLength(1);
	});

	test('the legacy error shape is read too', async () => {
		fixture.api.legacyInfoErrors = true;
		const { error } = await fixture.run(getCreditBalance, [{}], { credentialId: 'wrong-token' });
		expect(error?.message).toBe(
			'BulkGate refused the request (authentication_failed, HTTP 401): Authentication failed. Check the Application ID and Application Token in the BulkGate API credential.',
		);
	});

	test('an error body with HTTP 200 is an error, with On Error: Continue an error item', async () => {
		fixture.emulator.inject({
			match: { path: INFO },
			status: 200,
			body: { type: 'banned', code: 403, error: 'Account is blocked', detail: null },
		});
		const { items } = await fixture.run(getCreditBalance, [{}], { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			error:
				'BulkGate refused the request (banned, HTTP 403): Account is blocked. The BulkGate account is blocked; contact BulkGate support.',
		});
	});

	test('an answer without data (a wrong Base URL) says so', async () => {
		fixture.emulator.inject({ match: { path: INFO }, status: 200, body: '<html>Welcome</html>' });
		const { error } = await fixture.run(getCreditBalance);
		expect(error?.message).toBe(
			'BulkGate answered HTTP 200 with an HTML page instead of JSON; check the Base URL in the BulkGate API credential',
		);
	});
});
