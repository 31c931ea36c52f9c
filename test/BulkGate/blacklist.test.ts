import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { WALLET } from '../emulator/bulkGate';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, czech, czechDigits, json } from './fixture';

const ADD = '/api/1.0/black-list/add';
const CHECK = '/api/1.0/black-list/is-black-listed';
const REMOVE = '/api/1.0/black-list/remove';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const byItem = { number: '={{ $json.to }}' };

function blacklist(operation: string, items: IDataObject[], parameters: INodeParameters = {}, continueOnFail = false) {
	return fixture.run({ resource: 'blacklist', operation, ...byItem, ...parameters }, items, { continueOnFail });
}

function promote(numbers: string[]) {
	return fixture.run(
		{ resource: 'message', operation: 'sendPromotional', number: '={{ $json.to }}', text: 'Sale -20 %' },
		numbers.map((to) => ({ to })),
		{ continueOnFail: true },
	);
}

describe('Blacklist → Add, Check, Remove', () => {
	test('an added number is refused by promotional sends, checked as blacklisted, and sendable again once removed', async () => {
		const added = await blacklist('add', [{ to: czech(1) }], {
			additionalFields: { sourceId: 'n8n-opt-out', reason: 'Replied STOP' },
		});
		expect(added.error).toBeUndefined();
		expect(json(added.items)).toEqual([
			{
				provider: 'BulkGate',
				number: `+${czechDigits(1)}`,
				blacklisted: true,
				alreadyListed: false,
				wallet: null,
				raw: { message: 'contacts have been blacklisted' },
			},
		]);
		expect(fixture.bodies(ADD)).toEqual([
			{
				numbers: [czechDigits(1)],
				source_id: 'n8n-opt-out',
				reason: 'Replied STOP',
				application_id: '12345',
				application_token: 'token-12345',
			},
		]);

		const refused = await promote([czech(1), czech(2)]);
		expect(json(refused.items).map((item) => [item.status, item.errorCode])).toEqual([
			['refused', 'blacklisted'],
			['accepted', undefined],
		]);

		const checked = await blacklist('check', [{ to: czech(1) }, { to: czech(2) }]);
		expect(json(checked.items)).toEqual([
			{
				provider: 'BulkGate',
				number: `+${czechDigits(1)}`,
				blacklisted: true,
				route: 'promotional',
				wallet: null,
				raw: { number: czechDigits(1), blacklisted: true },
			},
			expect.objectContaining({ number: `+${czechDigits(2)}`, blacklisted: false }),
		]);

		const removed = await blacklist('remove', [{ to: czech(1) }], { additionalFields: { wallet: WALLET } });
		expect(json(removed.items)).toEqual([
			{
				provider: 'BulkGate',
				number: `+${czechDigits(1)}`,
				blacklisted: false,
				wallet: WALLET,
				raw: { message: 'Black list contacts have been removed' },
			},
		]);
		expect(fixture.bodies(REMOVE)[0]).toMatchObject({ number: czechDigits(1), wallet: WALLET });
		expect(json((await promote([czech(1)])).items)[0].status).toBe('accepted');
	});

	test('adding a number that is already blacklisted (a second STOP) is not an error', async () => {
		fixture.api.blacklist.add(czechDigits(3));
		const { items, error } = await blacklist('add', [{ to: `00${czechDigits(3)}` }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ number: `+${czechDigits(3)}`, blacklisted: true, alreadyListed: true });
		expect(fixture.emulator.requestsTo('POST', ADD)).toHaveLength(1);
	});

	test('Check: 250 items in batches of 100 make 3 requests; repeated numbers are asked once, every item answered in order', async () => {
		fixture.api.blacklist.add(czechDigits(7));
		const items = Array.from({ length: 250 }, (_, i) => ({ to: czech(i % 200) }));
		const { items: output, error } = await blacklist('check', items, {
			options: { route: 'transactional', batchSize: 100 },
		});
		expect(error).toBeUndefined();
		expect(fixture.bodies(CHECK).map((body) => (body.numbers as string[]).length)).toEqual([100, 100, 50]);
		expect(fixture.bodies(CHECK)[0].route).toBe('transactional');
		expect(output).toHaveLength(250);
		expect(output.map((item) => item.json.number)).toEqual(items.map((_, i) => `+${czechDigits(i % 200)}`));
		expect(output.filter((item) => item.json.blacklisted).map((item) => item.pairedItem)).toEqual([{ item: 7 }, { item: 207 }]);
	});

	test.each([
		['400 with the current shape', 400, { type: 'invalid_wallet', code: 400, error: 'Invalid wallet', detail: null }, 'invalid_wallet, HTTP 400'],
		['200 with an error body', 200, { type: 'invalid_wallet', code: 400, error: 'Invalid wallet', detail: null }, 'invalid_wallet, HTTP 400'],
		['the legacy shape', 401, { error: 'authentication_failed', code: 401 }, 'authentication_failed, HTTP 401'],
	])('a gateway error (%s) names the item, BulkGate’s type and what to do', async (_name, status, body, type) => {
		for (const [operation, path] of [
			['add', ADD],
			['check', CHECK],
			['remove', REMOVE],
		]) {
			fixture.emulator.inject({ match: { path }, status, body });
			const { error } = await blacklist(operation, [{ to: czech(1) }]);
			expect(error?.message).toMatch(new RegExp(`^Item 0: BulkGate refused the request \\(${type.replace(/[()]/g, '\\$&')}\\)`));
			expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(1);
		}
	});

	test('the wallet hint: a wrong wallet says where to find the right one', async () => {
		const { error } = await blacklist('add', [{ to: czech(1) }], { additionalFields: { wallet: 'bg-wrong' } });
		expect(error?.message).toBe(
			'Item 0: BulkGate refused the request (invalid_wallet, HTTP 400): Invalid wallet. Leave Wallet empty for the default wallet, or copy the wallet ID from Account → Get Credit Balance.',
		);
	});

	test.each(['add', 'check', 'remove'])(
		'%s: bad input is never sent; without On Error: Continue nothing is sent at all',
		async (operation) => {
			const items = [{ to: czech(1) }, { to: '0777 123 456' }, { to: 'call me' }];
			const stopped = await blacklist(operation, items);
			expect(stopped.error?.message).toBe('Item 1: Number "0777 123 456" has no country code');
			expect(fixture.emulator.requests).toHaveLength(0);

			const continued = await blacklist(operation, items, {}, true);
			expect(json(continued.items).map((item) => item.error ?? 'ok')).toEqual([
				'ok',
				'Item 1: Number "0777 123 456" has no country code',
				'Item 2: Number "call me" is not a phone number',
			]);
			expect(fixture.emulator.requests).toHaveLength(1);
			expect(JSON.stringify(fixture.emulator.requests[0].body)).toContain(czechDigits(1));
		},
	);

	test.each([
		['add', ADD],
		['check', CHECK],
		['remove', REMOVE],
	])('%s: 429 answers wait and try again; one beyond 30 s is reported, nothing repeated after it', async (operation, path) => {
		fixture.emulator.inject({ match: { path }, times: 2, status: 429, headers: { 'retry-after': '0' } });
		const { error } = await blacklist(operation, [{ to: czech(1) }]);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', path).map((request) => request.status)).toEqual([429, 429, 200]);

		fixture.reset();
		fixture.emulator.inject({ match: { path }, status: 429, headers: { 'retry-after': '120' } });
		const { items } = await blacklist(operation, [{ to: czech(1) }], {}, true);
		expect(items[0].json.error).toBe(
			'Item 0: BulkGate kept answering 429 Too Many Requests. Nothing was done; run the node again in a minute.',
		);
		expect(fixture.emulator.requestsTo('POST', path)).toHaveLength(1);
	});

	test('a 5xx is reported once, never repeated', async () => {
		fixture.emulator.inject({ match: { path: ADD }, status: 502, body: 'Bad gateway' });
		const { error } = await blacklist('add', [{ to: czech(1) }]);
		expect(error?.message).toBe('Item 0: BulkGate answered HTTP 502 to the request');
		expect(fixture.emulator.requestsTo('POST', ADD)).toHaveLength(1);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(0);
	});
});
