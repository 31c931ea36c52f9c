import type { INodeParameters, NodeParameterValue } from 'n8n-workflow';
import { listSearch, shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';

const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const search = (method: string, filter?: string, paginationToken?: string) =>
	listSearch(method, {
		type: 'bulkTextMessage',
		parameters: { resource: 'contact', operation: 'get' },
		credentials: fixture.credentials,
		store: fixture.store,
		filter,
		paginationToken,
	});

const pagesRequested = (path: string) => fixture.emulator.requestsTo('GET', path).map((r) => r.query.page);

describe('list search (the "From List" mode of the pickers), through n8n-core\'s LoadOptionsContext', () => {
	test('Contact Group: one API page per call, the next page number as the pagination token', async () => {
		for (let id = 10; fixture.api.groups.length < 20; id++) fixture.api.groups.push({ id, name: `Team ${id}` });
		const first = await search('searchContactGroups');
		expect(first.results).toHaveLength(15);
		expect(first.results[0]).toEqual({ name: 'Team 26', value: '26' });
		expect(first.paginationToken).toBe('2');

		const second = await search('searchContactGroups', undefined, '2');
		expect(second.results.slice(-3)).toEqual([
			{ name: 'Group 001', value: '6' },
			{ name: 'Group 002', value: '5' },
			{ name: 'Group VIP', value: '4' },
		]);
		expect(second.paginationToken).toBeUndefined();
		expect([...first.results, ...second.results].map((r) => r.value)).toHaveLength(20);
		expect(pagesRequested('/api/v1/contact_group/')).toEqual(['1', '2']);
	});

	test('Contact: a filter matches name, phone or ID, ignoring case, across pages', async () => {
		while (fixture.api.contacts.length < 40) {
			const n = fixture.api.contacts.length;
			fixture.api.addContact({ first_name: n % 10 === 3 ? 'Smith' : `Person${n}`, last_name: 'Doe', main_phone: `+4477009${String(n).padStart(5, '0')}` });
		}
		const smiths = fixture.api.contacts.filter((c) => c.first_name === 'Smith').reverse();

		const byName = await search('searchContacts', 'SMITH');
		expect(byName.results).toEqual(smiths.map((c) => ({ name: `Smith Doe (${c.main_phone})`, value: String(c.id) })));
		expect(byName.paginationToken).toBeUndefined();
		expect(pagesRequested('/api/v1/contact/')).toEqual(['1', '2', '3']);

		const target = fixture.api.contacts[7];
		expect((await search('searchContacts', target.main_phone)).results.map((r) => r.value)).toEqual([String(target.id)]);
		expect((await search('searchContacts', String(target.id))).results.map((r) => r.value)).toEqual([String(target.id)]);
	});

	test('a filter that matches many stops at a page\'s worth and hands on the next page', async () => {
		for (let n = 0; n < 20; n++) fixture.api.addContact({ first_name: `Buyer${n}`, main_phone: '+447700900001' });
		const result = await search('searchContacts', 'buyer');
		expect(result.results).toHaveLength(15);
		expect(result.paginationToken).toBe('2');
		expect(pagesRequested('/api/v1/contact/')).toEqual(['1']);
	});

	test('Message: newest first, named by ID, direction, number and the start of the text', async () => {
		const sent = fixture.api.addMessage({ number: '+447700900555', content: 'Your order 6001 has shipped and arrives tomorrow before noon' });
		const received = fixture.api.addMessage({ number: '+447700900556', content: 'STOP', direction: 'incoming' });
		const { results } = await search('searchMessages');
		expect(results.slice(0, 2)).toEqual([
			{ name: `#${received.id} from +447700900556: STOP`, value: String(received.id) },
			{ name: `#${sent.id} to +447700900555: Your order 6001 has shipped and arrives…`, value: String(sent.id) },
		]);
	});

	test('an answer that is not a list fails with the gateway\'s message', async () => {
		fixture.emulator.faults.add({ match: { path: '/api/v1/sms/' }, status: 200, body: { result: 'error', message: 'Account suspended' } });
		await expect(search('searchMessages')).rejects.toThrow(/Account suspended/);
	});
});

/** The value a picker stores, and the plain string workflows saved before the pickers existed. */
const shapes = (id: NodeParameterValue): Array<[string, INodeParameters[string]]> => [
	['picked from the list', { __rl: true, mode: 'list', value: String(id), cachedResultName: 'picked' }],
	['typed By ID', { __rl: true, mode: 'id', value: String(id) }],
	['mapped By ID', { __rl: true, mode: 'id', value: '={{ $json.id }}' }],
	['a plain ID (saved by earlier versions)', String(id)],
	['a plain expression (saved by earlier versions)', '={{ $json.id }}'],
];

describe('operations read the pickers in both shapes', () => {
	test.each(shapes(0).map(([label]) => label))('Message, %s: SMS → Get requests that SMS', async (label) => {
		const message = fixture.api.addMessage({ number: '+447700900777', content: 'Picked' });
		const value = Object.fromEntries(shapes(message.id))[label];
		const { items, error } = await fixture.run({ resource: 'sms', operation: 'get', messageId: value }, [{ id: message.id }]);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('GET', `/api/v1/sms/${message.id}`)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ messageId: message.id, text: 'Picked' });
	});

	test.each(shapes(0).map(([label]) => label))('Contact, %s: Contact → Get requests that contact', async (label) => {
		const contact = fixture.api.addContact({ first_name: 'Pick', main_phone: '+447700900778' });
		const value = Object.fromEntries(shapes(contact.id))[label];
		const { items, error } = await fixture.run({ resource: 'contact', operation: 'get', contactId: value }, [{ id: contact.id }]);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('GET', `/api/v1/contact/${contact.id}`)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ contactId: contact.id, firstName: 'Pick' });
	});

	test.each(shapes(0).map(([label]) => label))('Contact Group, %s: Contact → Create sends the group ID as a number', async (label) => {
		const value = Object.fromEntries(shapes(4))[label];
		const { error } = await fixture.run(
			{ resource: 'contact', operation: 'create', firstName: 'Gia', lastName: 'Vo', phone: '+447700900779', additionalFields: { contactGroupId: value } },
			[{ id: 4 }],
		);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', '/api/v1/contact/').map((r) => (r.body as { contact_group_id?: unknown }).contact_group_id)).toEqual([4]);
	});

	test.each([
		['an empty pick', { __rl: true, mode: 'list', value: '' }],
		['a typed ID that is not a number', { __rl: true, mode: 'id', value: 'abc' }],
	])('SMS → Get with %s: n8n refuses to run the workflow and nothing is requested', async (_label, value) => {
		await expect(fixture.run({ resource: 'sms', operation: 'get', messageId: value })).rejects.toThrow(
			'The workflow has issues',
		);
		expect(fixture.emulator.requests).toHaveLength(0);
	});

	test.each([
		['a mapping that gives nothing', '={{ $json.missing }}', {}, 'Item 0: Message is empty'],
		['a mapped ID that is not a number', { __rl: true, mode: 'id', value: '={{ $json.id }}' }, { id: 'SMS-12' }, 'Item 0: Message "SMS-12" is not an ID'],
	])('SMS → Get with %s fails on the item and requests nothing', async (_label, value, item, message) => {
		const { error } = await fixture.run({ resource: 'sms', operation: 'get', messageId: value }, [item]);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('Pick the message from the list, or give its ID');
		expect(fixture.emulator.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
	});

	test('Contact → Create with an empty Contact Group fails on the item and creates nothing', async () => {
		const { error } = await fixture.run({
			resource: 'contact',
			operation: 'create',
			firstName: 'Gia',
			lastName: 'Vo',
			phone: '+447700900779',
			additionalFields: { contactGroupId: { __rl: true, mode: 'list', value: '' } },
		});
		expect(error?.message).toBe('Item 0: Contact Group is empty');
		expect(error?.description).toContain('remove the Contact Group field');
		expect(fixture.emulator.requestsTo('POST', '/api/v1/contact/')).toHaveLength(0);
	});
});
