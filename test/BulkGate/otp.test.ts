import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine, type RunSettings } from '../helpers/engine';
import { APPLICATION_TOKEN, BulkGateFixture, czech, czechDigits, json } from './fixture';

const SEND = '/api/1.0/otp/send';
const RESEND = '/api/1.0/otp/resend';
const VERIFY = '/api/1.0/otp/verify';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const otpMessages = (numbers: string[]) => numbers.map((number) => fixture.api.sentTo(number).filter((m) => m.endpoint === 'otp').length);

function send(items: IDataObject[], parameters: INodeParameters = {}, settings: RunSettings = {}) {
	return fixture.run(
		{ resource: 'otp', operation: 'send', number: '={{ $json.to }}', requester: '={{ $json.ip }}', ...parameters },
		items,
		settings,
	);
}

const users = (count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ to: czech(from + i), ip: `203.0.113.${i}` }));

describe('OTP → Send, Resend, Verify', () => {
	test('Send by SMS, Verify the right and a wrong code, Resend: the 2FA flow', async () => {
		const sent = await send(users(1), { additionalFields: { codeLength: 4, resendLimit: 1, language: 'cs' } });
		expect(sent.error).toBeUndefined();
		const [result] = json(sent.items);
		const otpId = result.otpId as string;
		expect(result).toMatchObject({ provider: 'BulkGate', otpId: expect.stringMatching(/^otp-/), status: 'accepted', accepted: true, messageId: expect.stringMatching(/^cascade-/) });
		expect(result).not.toHaveProperty('segments');
		expect(fixture.bodies(SEND)).toEqual([
			{
				number: czechDigits(1),
				request_quota_identification: '203.0.113.0',
				language: 'cs',
				code_length: 4,
				trials_available_resend: 1,
				application_id: '12345',
				application_token: APPLICATION_TOKEN,
			},
		]);
		const code = fixture.api.otps.get(otpId)!.code;

		const verify = (entered: string) =>
			fixture.run({ resource: 'otp', operation: 'verify', otpId: '={{ $json.otpId }}', code: '={{ $json.code }}' }, [{ otpId, code: entered }]);
		expect(json((await verify('0000')).items)).toEqual([{ provider: 'BulkGate', otpId, verified: false, raw: { id: otpId, verified: false } }]);
		expect(json((await verify(code)).items)[0]).toMatchObject({ otpId, verified: true });
		expect(fixture.bodies(VERIFY)[1]).toMatchObject({ id: otpId, code });

		const resend = () => fixture.run({ resource: 'otp', operation: 'resend', otpId: '={{ $json.otpId }}' }, [{ otpId }], { continueOnFail: true });
		const again = json((await resend()).items)[0];
		expect(again).toMatchObject({ otpId, to: `+${czechDigits(1)}`, accepted: true, status: 'accepted' });
		expect(otpMessages([czechDigits(1)])).toEqual([2]);
		const refused = json((await resend()).items)[0];
		expect(refused).toMatchObject({ otpId, accepted: false, status: 'refused', errorCode: 'invalid_input_parameters' });
		expect(otpMessages([czechDigits(1)])).toEqual([2]);
	});

	test('Viber, then SMS: the channel cascade goes with the request', async () => {
		await send(users(1), { channel: 'viber', viberSender: 'Shop' });
		expect(fixture.bodies(SEND)[0].channel).toEqual({ viber: { sender: 'Shop' }, sms: {} });
		expect(fixture.api.sentTo(czechDigits(1))[0].channels).toEqual(['viber']);
	});

	test('with Retry On Fail, a 500 after BulkGate sent item 1’s code: no user gets a second code', async () => {
		fixture.emulator.inject({ match: { path: SEND }, skip: 1, status: 500, afterHandling: true });
		const { items, error } = await send(users(3), {}, { maxTries: 3 });
		expect(error).toBeUndefined();
		expect(otpMessages([1, 2, 3].map(czechDigits))).toEqual([1, 1, 1]);
		expect(fixture.emulator.requestsTo('POST', SEND)).toHaveLength(3);
		expect(json(items).map((item) => item.status)).toEqual(['accepted', 'unknown', 'accepted']);
		expect(String(items[1].json.error)).toMatch(/^Item 1: outcome unknown: BulkGate answered HTTP 500 to the send request\. It was not resent/);
	});

	test('a request refused as a whole with Retry On Fail: n8n runs the node again, only that one is sent again', async () => {
		fixture.emulator.inject({ match: { path: SEND }, status: 400, body: { type: 'invalid_input_parameters', code: 400, error: 'Invalid input parameters', detail: null } });
		const { items } = await send(users(3), {}, { maxTries: 3, continueOnFail: true });
		expect(json(items).map((item) => item.status)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(fixture.emulator.requestsTo('POST', SEND).map((request) => request.status)).toEqual([400, 200, 200, 200]);
		expect(otpMessages([1, 2, 3].map(czechDigits))).toEqual([1, 1, 1]);
	});

	test('bad input is never sent; without On Error: Continue nothing is sent at all', async () => {
		const items = [...users(1), { to: 'call me', ip: '1.2.3.4' }, { to: czech(5), ip: '' }];
		const stopped = await send(items);
		expect(stopped.error?.message).toBe('Item 1: Number "call me" is not a phone number');
		expect(fixture.emulator.requests).toHaveLength(0);
		const continued = await send(items, {}, { continueOnFail: true });
		expect(json(continued.items).map((item) => item.error ?? item.status)).toEqual([
			'accepted',
			'Item 1: Number "call me" is not a phone number',
			'Item 2: Requester ID is empty',
		]);
		expect(fixture.emulator.requestsTo('POST', SEND)).toHaveLength(1);

		const noId = await fixture.run({ resource: 'otp', operation: 'verify', otpId: '={{ $json.otpId }}', code: '1234' }, [{ otpId: '' }]);
		expect(noId.error?.message).toBe('Item 0: OTP ID is empty');
		const noCode = await fixture.run({ resource: 'otp', operation: 'resend', otpId: '={{ $json.otpId }}' }, [{ otpId: null }]);
		expect(noCode.error?.message).toBe('Item 0: OTP ID is empty (null)');
		expect(fixture.emulator.requests).toHaveLength(1);
	});

	test('gateway errors: an unknown OTP ID on Verify and Resend, the legacy shape on Send', async () => {
		const verify = await fixture.run({ resource: 'otp', operation: 'verify', otpId: 'otp-nope', code: '1234' });
		expect(verify.error?.message).toBe(
			'Item 0: BulkGate refused the request (invalid_id_provided, HTTP 400): Invalid id provided. Map the otpId that OTP → Send returned; an expired OTP cannot be used.',
		);
		const resend = await fixture.run({ resource: 'otp', operation: 'resend', otpId: 'otp-nope' });
		expect(resend.error?.message).toMatch(/^Item 0: BulkGate refused the request \(invalid_id_provided, HTTP 400\)/);
		fixture.emulator.inject({ match: { path: SEND }, status: 200, body: { error: 'authentication_failed', code: 401 } });
		const legacy = await send(users(1));
		expect(legacy.error?.message).toMatch(/BulkGate refused the request \(authentication_failed, HTTP 401\)/);
		expect(otpMessages([czechDigits(1)])).toEqual([0]);
	});

	test('429 on Send, Resend and Verify waits and tries again; each code is sent once', async () => {
		for (const path of [SEND, RESEND, VERIFY]) fixture.emulator.inject({ match: { path }, times: 2, status: 429 });
		const sent = await send(users(1));
		const otpId = sent.items[0].json.otpId as string;
		await fixture.run({ resource: 'otp', operation: 'resend', otpId });
		const verified = await fixture.run({ resource: 'otp', operation: 'verify', otpId, code: fixture.api.otps.get(otpId)!.code });
		expect(verified.items[0].json.verified).toBe(true);
		for (const path of [SEND, RESEND, VERIFY]) {
			expect(fixture.emulator.requestsTo('POST', path).map((request) => request.status)).toEqual([429, 429, 200]);
		}
		expect(otpMessages([czechDigits(1)])).toEqual([2]);
	});
});
