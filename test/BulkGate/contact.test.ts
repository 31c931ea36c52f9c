import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, czech, czechDigits, json } from './fixture';

const ADD = '/api/1.0/address-book/add';
const IMPORT = '/api/1.0/address-book/import';
const GET = '/api/1.0/address-book/get';
const REMOVE = '/api/1.0/address-book/remove';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

function contact(operation: string, items: IDataObject[], parameters: INodeParameters = {}, continueOnFail = false) {
	return fixture.run(
		{ resource: 'contact', operation, phoneNumber: '={{ $json.to }}', ...parameters },
		items,
		{ continueOnFail },
	);
}

const named = { contactFields: { firstName: '={{ $json.name }}', email: '={{ $json.email }}' } };

describe('Contact → Add, Get, Remove, Import', () => {
	test('Add to a group: the group’s promotional send reaches it; Get reads it back; Remove takes it out', async () => {
		fixture.api.groups.set(12, []);
		const added = await contact('add', [{ to: czech(1), name: 'Jana', email: 'jana@example.com' }], {
			...named,
			groupIds: '12',
		});
		expect(added.error).toBeUndefined();
		expect(json(added.items)).toEqual([
			{
				provider: 'BulkGate',
				number: `+${czechDigits(1)}`,
				added: true,
				groupIds: [12],
				groupName: null,
				raw: { message: 'contact_has_been_added' },
			},
		]);
		expect(fixture.bodies(ADD)).toEqual([
			{
				groups: [12],
				data: { phone_mobile: czechDigits(1), first_name: 'Jana', email: 'jana@example.com' },
				application_id: '12345',
				application_token: 'token-12345',
			},
		]);

		const group = await fixture.run({
			resource: 'message',
			operation: 'sendPromotional',
			sendTo: ['groupsAndAdmins'],
			groupIds: '12',
			groupText: 'Hi <first_name>',
		});
		expect(json(group.items).map((item) => item.status)).toEqual(['accepted']);

		const got = await contact('get', [{ to: `+${czechDigits(1)}` }]);
		expect(json(got.items)).toEqual([
			{
				provider: 'BulkGate',
				number: `+${czechDigits(1)}`,
				phoneMobile: czechDigits(1),
				firstName: 'Jana',
				email: 'jana@example.com',
				raw: { phone_mobile: czechDigits(1), first_name: 'Jana', email: 'jana@example.com' },
			},
		]);

		const removed = await contact('remove', [{ to: czech(1) }]);
		expect(json(removed.items)[0]).toMatchObject({ removed: true, raw: { message: 'contact_has_been_removed' } });
		expect(fixture.bodies(REMOVE)[0]).toMatchObject({ phone_number: czechDigits(1) });
		const gone = await contact('get', [{ to: czech(1) }], {}, true);
		expect(gone.items[0].json.error).toBe(
			'Item 0: BulkGate refused the request (number_not_found, HTTP 400): Number not found. No contact in the BulkGate address book has this number.',
		);
		expect(fixture.api.groups.get(12)).toEqual([]);
	});

	test('Import: 1,200 contacts in batches of 500 make 3 requests, each item its own result; groups read once', async () => {
		fixture.api.groups.set(15, []);
		const items = Array.from({ length: 1200 }, (_, i) => ({ to: czech(i), name: `Customer ${i}`, group: i === 0 ? '15' : '99' }));
		const { items: output, error } = await contact('import', items, {
			...named,
			groupIds: '={{ $json.group }}',
		});
		expect(error).toBeUndefined();
		expect(fixture.bodies(IMPORT).map((body) => (body.data as unknown[]).length)).toEqual([500, 500, 200]);
		expect(fixture.bodies(IMPORT).every((body) => JSON.stringify(body.groups) === '[15]')).toBe(true);
		expect(output.map((item) => item.json.number)).toEqual(items.map((_, i) => `+${czechDigits(i)}`));
		expect(fixture.api.groups.get(15)).toHaveLength(1200);
		expect((fixture.bodies(IMPORT)[1].data as IDataObject[])[0]).toEqual({
			phone_mobile: czechDigits(500),
			first_name: 'Customer 500',
		});
	});

	test('Import with a New Group Name: one request holds all, else nothing is sent', async () => {
		const items = [{ to: czech(1) }, { to: czech(2) }, { to: czech(3) }];
		const refused = await contact('import', items, { groupName: 'Spring', options: { batchSize: 2 } });
		expect(refused.error?.message).toBe('New Group Name needs all 3 contacts in one request, but Batch Size is 2');
		expect(fixture.emulator.requests).toHaveLength(0);
		const { error } = await contact('import', items, { groupName: 'Spring' });
		expect(error).toBeUndefined();
		expect(fixture.bodies(IMPORT)).toHaveLength(1);
		expect([...fixture.api.groupNames.values()]).toEqual(['Spring']);
	});

	test.each(['add', 'get', 'remove', 'import'])('%s: bad input is never sent', async (operation) => {
		const items = [{ to: czech(1) }, { to: '0777 123 456' }];
		const stopped = await contact(operation, items);
		expect(stopped.error?.message).toBe('Item 1: Phone Number "0777 123 456" has no country code');
		expect(fixture.emulator.requests).toHaveLength(0);
		const badGroups = await contact(operation === 'get' || operation === 'remove' ? 'add' : operation, items.slice(0, 1), {
			groupIds: '12, x',
		});
		expect(badGroups.error?.message).toMatch(/Group IDs: "x" is not an ID/);
		expect(fixture.emulator.requests).toHaveLength(0);
	});

	test.each([
		['add', ADD],
		['get', GET],
		['remove', REMOVE],
		['import', IMPORT],
	])('%s: error shapes become item errors, 429 waits and tries again', async (operation, path) => {
		fixture.api.contacts.set(czechDigits(1), { phone_mobile: czechDigits(1) });
		fixture.emulator.inject({ match: { path }, status: 200, body: { type: 'invalid_phone_number', code: 400, error: 'Invalid phone number', detail: null } });
		const refused = await contact(operation, [{ to: czech(1) }]);
		expect(refused.error?.message).toBe('Item 0: BulkGate refused the request (invalid_phone_number, HTTP 400): Invalid phone number.');

		fixture.emulator.inject({ match: { path }, status: 401, body: { error: 'authentication_failed', code: 401 } });
		const legacy = await contact(operation, [{ to: czech(1) }], {}, true);
		expect(String(legacy.items[0].json.error)).toMatch(/^Item 0: BulkGate refused the request \(authentication_failed, HTTP 401\)/);

		fixture.emulator.inject({ match: { path }, times: 2, status: 429 });
		const { error } = await contact(operation, [{ to: czech(1) }]);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', path).map((request) => request.status)).toEqual([200, 401, 429, 429, 200]);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(0);
	});
});
