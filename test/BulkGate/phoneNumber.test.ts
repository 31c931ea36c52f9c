import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, czech, czechDigits, json } from './fixture';

const CHECK = '/api/1.0/integration/check-phone-numbers';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

function check(items: IDataObject[], parameters: INodeParameters = {}, continueOnFail = false) {
	return fixture.run(
		{ resource: 'phoneNumber', operation: 'check', number: '={{ $json.to }}', ...parameters },
		items,
		{ continueOnFail },
	);
}

describe('Phone Number → Check', () => {
	test('valid and invalid numbers, per item, normalised to E.164 with country and network', async () => {
		fixture.api.invalidNumbers.add('420700000002');
		const { items, error } = await check([{ to: czech(1) }, { to: '+420 700 000 002' }, { to: '+44 7700 900123' }]);
		expect(error).toBeUndefined();
		expect(json(items)).toEqual([
			{
				provider: 'BulkGate',
				number: `+${czechDigits(1)}`,
				valid: true,
				country: 'CZ',
				callingCode: '+420',
				networkCode: '42001',
				networkName: 'Emulated Mobile',
				raw: {
					phone_number: czechDigits(1),
					valid: true,
					country: 'cz',
					call_prefix: 420,
					network_code: '42001',
					network_name: 'Emulated Mobile',
				},
			},
			expect.objectContaining({ number: null, valid: false, country: null, callingCode: null }),
			expect.objectContaining({ number: '+447700900123', valid: true, country: 'GB', callingCode: '+44' }),
		]);
		expect(fixture.bodies(CHECK)).toEqual([
			{
				numbers: [
					{ phone_number: czechDigits(1), country: null },
					{ phone_number: '420700000002', country: null },
					{ phone_number: '447700900123', country: null },
				],
				application_id: '12345',
				application_token: 'token-12345',
			},
		]);
	});

	test('250 items in batches of 100: 3 requests; national numbers go with their Country, one request per country', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ to: czech(i) }));
		const { items: output } = await check(items, { options: { batchSize: 100 } });
		expect(fixture.bodies(CHECK).map((body) => (body.numbers as unknown[]).length)).toEqual([100, 100, 50]);
		expect(output.every((item) => item.json.valid === true)).toBe(true);

		fixture.reset();
		const national = [
			{ to: '777 000 001', country: 'CZ' },
			{ to: '7700 900123', country: 'gb' },
			{ to: '777 000 002', country: 'cz' },
		];
		const { items: mixed } = await check(national, { additionalFields: { country: '={{ $json.country }}' } });
		expect(fixture.bodies(CHECK).map((body) => body.numbers)).toEqual([
			[
				{ phone_number: '777000001', country: 'cz' },
				{ phone_number: '777000002', country: 'cz' },
			],
			[{ phone_number: '7700900123', country: 'gb' }],
		]);
		expect(json(mixed).map((item) => item.number)).toEqual(['+420777000001', '+447700900123', '+420777000002']);
	});

	test('bad input is never sent: without On Error: Continue nothing is sent at all', async () => {
		const items = [{ to: czech(1) }, { to: '0777 123 456' }, { to: 'call me' }];
		const stopped = await check(items);
		expect(stopped.error?.message).toBe('Item 1: Number "0777 123 456" has no country code');
		expect(fixture.emulator.requests).toHaveLength(0);
		const badCountry = await check([{ to: czech(1) }], { additionalFields: { country: 'Czechia' } });
		expect(badCountry.error?.message).toBe('Item 0: Country "Czechia" is not a two-letter country code');
		expect(fixture.emulator.requests).toHaveLength(0);

		const continued = await check(items, {}, true);
		expect(json(continued.items).map((item) => item.error ?? item.valid)).toEqual([
			true,
			'Item 1: Number "0777 123 456" has no country code',
			'Item 2: Number "call me" is not a phone number',
		]);
		expect(fixture.emulator.requests).toHaveLength(1);
	});

	test.each([
		['400, current shape', 400, { type: 'invalid_phone_number', code: 400, error: 'Invalid phone number', detail: null }, /^Item 0: BulkGate refused the request \(invalid_phone_number, HTTP 400\): Invalid phone number\.$/],
		['200 with an error body', 200, { type: 'unknown_identity', code: 401, error: 'Unknown identity', detail: null }, /^Item 0: BulkGate refused the request \(unknown_identity, HTTP 401\)/],
		['legacy shape', 401, { error: 'authentication_failed', code: 401 }, /^Item 0: BulkGate refused the request \(authentication_failed, HTTP 401\)/],
		['no data for the number', 200, { data: {} }, /^Item 0: BulkGate's answer says nothing about 420700000001; check the number\.$/],
	])('gateway answers (%s): every item of the request gets the error', async (_name, status, body, message) => {
		fixture.emulator.inject({ match: { path: CHECK }, status, body });
		const { items } = await check([{ to: czech(1) }, { to: czech(2) }], {}, true);
		expect(String(items[0].json.error)).toMatch(message);
		expect(String(items[1].json.error)).toMatch(/^Item 1: /);
		expect(fixture.emulator.requestsTo('POST', CHECK)).toHaveLength(1);
	});

	test('429 waits and tries again; a Retry-After beyond 30 s is reported', async () => {
		fixture.emulator.inject({ match: { path: CHECK }, times: 2, status: 429, headers: { 'retry-after': '0' } });
		const { error } = await check([{ to: czech(1) }]);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', CHECK).map((request) => request.status)).toEqual([429, 429, 200]);

		fixture.reset();
		fixture.emulator.inject({ match: { path: CHECK }, status: 429, headers: { 'retry-after': '60' } });
		const stopped = await check([{ to: czech(1) }]);
		expect(stopped.error?.message).toBe(
			'Item 0: BulkGate kept answering 429 Too Many Requests. Nothing was done; run the node again in a minute.',
		);
		expect(fixture.emulator.requestsTo('POST', CHECK)).toHaveLength(1);
	});
});
