import { shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';

const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

describe('Contact', () => {
	test('Create sends the fields, the group and the phone in E.164, and returns the contact', async () => {
		const { items, error } = await fixture.run(
			{
				resource: 'contact',
				operation: 'create',
				firstName: '={{ $json.first }}',
				lastName: 'Doe',
				phone: '={{ $json.phone }}',
				additionalFields: { reference: 'CRM-77', contactGroupId: '5' },
				options: { defaultCountryCode: '+1' },
			},
			[{ first: 'John', phone: '(301) 443-8888' }],
		);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', '/api/v1/contact/').map((r) => r.body)).toEqual([
			{ first_name: 'John', last_name: 'Doe', main_phone: '+13014438888', reference: 'CRM-77', contact_group_id: 5 },
		]);
		const created = fixture.api.contacts[fixture.api.contacts.length - 1];
		expect(items.map((i) => i.json)).toEqual([
			{
				provider: 'BulkTextMessage',
				contactId: created.id,
				displayName: 'John Doe',
				firstName: 'John',
				lastName: 'Doe',
				phone: '+13014438888',
				reference: 'CRM-77',
				raw: created,
			},
		]);
	});

	test('Create refuses a phone number without a country code and sends nothing', async () => {
		const { error } = await fixture.run({
			resource: 'contact',
			operation: 'create',
			firstName: 'Ann',
			lastName: 'Lee',
			phone: '07700 900123',
		});
		expect(error?.message).toBe('Item 0: Phone "07700 900123" has no country code');
		expect(error?.description).toContain('Default Country Code');
		expect(fixture.emulator.requestsTo('POST', '/api/v1/contact/')).toHaveLength(0);
	});

	test('Get returns one contact and Get Many pages through all of them', async () => {
		while (fixture.api.contacts.length < 20) {
			fixture.api.addContact({ first_name: `Test${fixture.api.contacts.length}`, main_phone: '+5321235135' });
		}
		const target = fixture.api.contacts[3];
		const one = await fixture.run({ resource: 'contact', operation: 'get', contactId: String(target.id) });
		expect(one.items[0].json).toEqual({
			provider: 'BulkTextMessage',
			contactId: target.id,
			displayName: target.display_name,
			firstName: target.first_name,
			lastName: null,
			phone: '+5321235135',
			reference: null,
			raw: target,
		});

		fixture.reset();
		const all = await fixture.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json.contactId)).toEqual([...fixture.api.contacts].reverse().map((c) => c.id));
		expect(fixture.emulator.requestsTo('GET', '/api/v1/contact/')).toHaveLength(Math.ceil(fixture.api.contacts.length / 15));
	});
});

describe('Contact Group', () => {
	test('Get Many lists the groups', async () => {
		const { items } = await fixture.run({ resource: 'contactGroup', operation: 'getAll', returnAll: false, limit: 2 });
		expect(items.map((i) => i.json)).toEqual([
			{ provider: 'BulkTextMessage', contactGroupId: 6, name: 'Group 001', raw: { id: 6, name: 'Group 001' } },
			{ provider: 'BulkTextMessage', contactGroupId: 5, name: 'Group 002', raw: { id: 5, name: 'Group 002' } },
		]);
	});
});
