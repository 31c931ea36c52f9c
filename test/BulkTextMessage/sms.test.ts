import { shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';

const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const phone = (i: number) => `+4477009${String(i).padStart(5, '0')}`;

describe('SMS → Send', () => {
	test('sends one request per item with the number in E.164, sender, schedule and external ID', async () => {
		const { items, error } = await fixture.run(
			{
				resource: 'sms',
				operation: 'send',
				to: '={{ $json.phone }}',
				message: '=Hi {{ $json.name }}',
				additionalFields: { from: '+15550001111', scheduledAt: '2027-12-24T09:30:00', externalId: '={{ $json.ext }}' },
			},
			[
				{ phone: '+44 (7700) 900-123', name: 'Ann', ext: '901' },
				{ phone: '0044 7700 900124', name: 'Bob', ext: 902 },
			],
			{ timezone: 'America/New_York' },
		);
		expect(error).toBeUndefined();
		expect(fixture.bodies('/api/v1/sms/')).toEqual([
			{ to: '+447700900123', body: 'Hi Ann', from: '+15550001111', scheduled: '2027/12/24 09:30 GMT-5', external_id: 901 },
			{ to: '+447700900124', body: 'Hi Bob', from: '+15550001111', scheduled: '2027/12/24 09:30 GMT-5', external_id: 902 },
		]);
		const stored = fixture.api.messages.slice(-2);
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				provider: 'BulkTextMessage',
				messageId: stored[0].id,
				externalId: 901,
				to: '+447700900123',
				status: 'scheduled',
				accepted: true,
				scheduledAt: '2027-12-24T14:30:00.000Z',
				encoding: 'GSM-7',
				characters: 6,
				segments: 1,
			}),
			expect.objectContaining({ messageId: stored[1].id, externalId: 902, to: '+447700900124' }),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test.each([
		['America/New_York', '2027-07-04T18:00:00', '2027/07/04 18:00 GMT-4'],
		['Asia/Kolkata', '2027-03-01T08:15:00', '2027/03/01 08:15 GMT+5:30'],
		['Europe/London', '2027-01-10T07:00:00', '2027/01/10 07:00 GMT+0'],
		['Europe/Prague', '2027-03-28T03:30:00', '2027/03/28 03:30 GMT+2'],
		['Europe/Prague', '2027-03-27T03:30:00', '2027/03/27 03:30 GMT+1'],
		['UTC', '2027-05-01T12:00:00+02:00', '2027/05/01 10:00 GMT+0'],
	])('a schedule in %s (%s) is sent as %s', async (timezone, scheduledAt, expected) => {
		const { error } = await fixture.run(
			{ resource: 'sms', operation: 'send', to: '+447700900123', message: 'x', additionalFields: { scheduledAt } },
			[{}],
			{ timezone },
		);
		expect(error).toBeUndefined();
		expect(fixture.bodies('/api/v1/sms/')[0].scheduled).toBe(expected);
	});

	test('reports UCS-2 encoding and segments for text outside the GSM alphabet', async () => {
		const text = `Grüße 🎉 ${'ж'.repeat(70)}`;
		const { items } = await fixture.run({ resource: 'sms', operation: 'send', to: '+447700900123', message: text });
		expect(items[0].json).toMatchObject({ encoding: 'UCS-2', characters: text.length, segments: 2, accepted: true });
	});

	test('counts GSM-7 extension characters twice', async () => {
		const text = `${'a'.repeat(155)}{}[]`;
		const { items } = await fixture.run({ resource: 'sms', operation: 'send', to: '+447700900123', message: text });
		expect(items[0].json).toMatchObject({ encoding: 'GSM-7', characters: 163, segments: 2 });
	});
});

describe('SMS → Send to Many', () => {
	test('1,000 recipients go out in ceil(1000 / batch size) requests and each item gets its own id', async () => {
		const before = fixture.api.messages.length;
		const input = Array.from({ length: 1000 }, (_, i) => ({ phone: phone(i), ext: 5000 + i }));
		const { items, error } = await fixture.run(
			{
				resource: 'sms',
				operation: 'sendToMany',
				to: '={{ $json.phone }}',
				message: 'Sale starts today',
				additionalFields: { externalId: '={{ $json.ext }}' },
				options: { batchSize: 300 },
			},
			input,
		);
		expect(error).toBeUndefined();
		const requests = fixture.emulator.requestsTo('POST', '/api/v1/sms/to_many');
		expect(requests).toHaveLength(Math.ceil(1000 / 300));
		expect(requests.map((r) => (r.body as { list: unknown[] }).list.length)).toEqual([300, 300, 300, 100]);
		expect(fixture.api.messages.length - before).toBe(1000);
		items.forEach((item, i) => {
			const stored = fixture.api.messages.find((m) => m.id === item.json.messageId);
			expect(stored).toMatchObject({ number: phone(i), external_id: 5000 + i, content: 'Sale starts today' });
			expect(item.pairedItem).toEqual({ item: i });
		});
		expect(new Set(items.map((item) => item.json.messageId)).size).toBe(1000);
	});

	test('items with the same text share requests when the text differs between items', async () => {
		const input = ['A', 'B', 'A', 'B', 'A'].map((text, i) => ({ text, phone: phone(i) }));
		const { items } = await fixture.run(
			{ resource: 'sms', operation: 'sendToMany', to: '={{ $json.phone }}', message: '={{ $json.text }}' },
			input,
		);
		const bodies = fixture.bodies('/api/v1/sms/to_many');
		expect(bodies.map((b) => [b.body, (b.list as Array<{ to: string }>).map((e) => e.to)])).toEqual([
			['A', [phone(0), phone(2), phone(4)]],
			['B', [phone(1), phone(3)]],
		]);
		items.forEach((item, i) => {
			expect(fixture.api.messages.find((m) => m.id === item.json.messageId)).toMatchObject({
				number: phone(i),
				content: input[i].text,
			});
		});
	});

	test('a -1 id makes only that item an error, in its own position', async () => {
		fixture.api.refusedNumbers.add(phone(2));
		const { items, error } = await fixture.run(
			{ resource: 'sms', operation: 'sendToMany', to: '={{ $json.phone }}', message: 'Hi' },
			[0, 1, 2, 3].map((i) => ({ phone: phone(i) })),
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requestsTo('POST', '/api/v1/sms/to_many')).toHaveLength(1);
		expect(items.map((item) => item.json.accepted)).toEqual([true, true, false, true]);
		expect(items[2].json).toMatchObject({
			error: 'Item 2: BulkTextMessage did not accept the message to +447700900002 (it answered id -1)',
			status: 'refused',
			errorCode: -1,
		});
		expect(items[2].pairedItem).toEqual({ item: 2 });
		expect(fixture.api.messages.some((m) => m.number === phone(2) && m.content === 'Hi')).toBe(false);
	});

	test('without On Error: Continue a -1 id after accepted recipients does not stop the node: it is refused on its item', async () => {
		fixture.api.refusedNumbers.add(phone(1));
		const { items, error, hints } = await fixture.run(
			{ resource: 'sms', operation: 'sendToMany', to: '={{ $json.phone }}', message: 'Hi' },
			[0, 1, 2].map((i) => ({ phone: phone(i) })),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.accepted)).toEqual([true, false, true]);
		expect(items[1].json).toMatchObject({ to: phone(1), status: 'refused', errorCode: -1, errorReason: 'not accepted (id -1)' });
		expect(items[1].json.error).toMatch(/^Item 1: BulkTextMessage did not accept the message to \+447700900001/);
		expect(items[1].error).toBeUndefined();
		expect(hints).toEqual(['1 of 3 recipients were not sent (1 refused) — see the items with accepted = false']);
	});

	test('without On Error: Continue a -1 id for the first recipient stops the node, naming the item', async () => {
		fixture.api.refusedNumbers.add(phone(0));
		const { error } = await fixture.run(
			{ resource: 'sms', operation: 'sendToMany', to: '={{ $json.phone }}', message: 'Hi', options: { batchSize: 1 } },
			[0, 1].map((i) => ({ phone: phone(i) })),
		);
		expect(error?.message).toMatch(/^Item 0: BulkTextMessage did not accept the message to \+447700900000/);
		expect(error?.description).toContain('other recipients of the same request are not affected');
		expect(fixture.bodies('/api/v1/sms/to_many')).toHaveLength(1);
	});

	test('a dry run validates and returns the exact requests without calling the API', async () => {
		const { items, error } = await fixture.run(
			{
				resource: 'sms',
				operation: 'sendToMany',
				to: '={{ $json.phone }}',
				message: 'Hello',
				additionalFields: { from: '+15550001111', externalId: '={{ $json.ext }}' },
				options: { dryRun: true, batchSize: 2 },
			},
			[0, 1, 2].map((i) => ({ phone: phone(i), ext: i + 1 })),
		);
		expect(error).toBeUndefined();
		expect(fixture.emulator.requests).toHaveLength(0);
		expect(items.map((item) => item.json.request)).toEqual([
			{ method: 'POST', url: '/sms/to_many', batch: 1, positionInBatch: 1, recipientsInBatch: 2, body: { body: 'Hello', from: '+15550001111' }, entry: { to: phone(0), external_id: 1 } },
			{ method: 'POST', url: '/sms/to_many', batch: 1, positionInBatch: 2, recipientsInBatch: 2, body: { body: 'Hello', from: '+15550001111' }, entry: { to: phone(1), external_id: 2 } },
			{ method: 'POST', url: '/sms/to_many', batch: 2, positionInBatch: 1, recipientsInBatch: 1, body: { body: 'Hello', from: '+15550001111' }, entry: { to: phone(2), external_id: 3 } },
		]);
		expect(items[0].json).toMatchObject({ status: 'dryRun', accepted: false, encoding: 'GSM-7', characters: 5, segments: 1 });
	});
});

describe('SMS → Send Many', () => {
	test('each item keeps its own text in one request', async () => {
		const input = [0, 1, 2].map((i) => ({ phone: phone(i), text: `Your code is ${1000 + i}`, ext: 70 + i }));
		const { items, error } = await fixture.run(
			{
				resource: 'sms',
				operation: 'sendMany',
				to: '={{ $json.phone }}',
				message: '={{ $json.text }}',
				additionalFields: { externalId: '={{ $json.ext }}', scheduledAt: '2027-12-01T10:00:00' },
			},
			input,
			{ timezone: 'Europe/Berlin' },
		);
		expect(error).toBeUndefined();
		expect(fixture.bodies('/api/v1/sms/many')).toEqual([
			{
				scheduled: '2027/12/01 10:00 GMT+1',
				list: input.map((e) => ({ to: e.phone, external_id: e.ext, body: e.text })),
			},
		]);
		items.forEach((item, i) => {
			expect(item.json).toMatchObject({ status: 'scheduled', scheduledAt: '2027-12-01T09:00:00.000Z', externalId: 70 + i });
			expect(fixture.api.messages.find((m) => m.id === item.json.messageId)?.content).toBe(input[i].text);
		});
	});
});

describe('SMS reads', () => {
	test('Get returns one SMS by id and Get by External ID finds it by its external ID, in the send results\' vocabulary', async () => {
		const message = fixture.api.addMessage({
			number: '+447700900555',
			content: 'Find me',
			external_id: 424242,
			status: 'sent',
			created: { date: '2026-06-26 19:59:36.000000', timezone: 'UTC', timezone_type: 3 },
		});
		const expected = {
			provider: 'BulkTextMessage',
			messageId: message.id,
			externalId: 424242,
			direction: 'outbound',
			to: '+447700900555',
			from: null,
			text: 'Find me',
			status: 'sent',
			createdAt: '2026-06-26T19:59:36.000Z',
			contact: null,
			raw: message,
		};
		const byId = await fixture.run({ resource: 'sms', operation: 'get', messageId: String(message.id) });
		expect(byId.items.map((i) => i.json)).toEqual([expected]);
		const byExternal = await fixture.run({ resource: 'sms', operation: 'getByExternalId', externalId: '424242' });
		expect(byExternal.items.map((i) => i.json)).toEqual([expected]);
	});

	test('an SMS with its contact, as the API documents it: the contact in camelCase too, the original in raw', async () => {
		const documented = {
			contact: {
				data: {
					display_name: 'Nestor Panama',
					first_name: 'Nestor',
					id: 1,
					is_public: 0,
					last_name: 'Panama',
					main_phone: '+50768819519',
					status: 0,
				},
			},
			content: 'To nestor test',
			created: { date: '2016-06-26 19:59:36.000000', timezone: 'UTC', timezone_type: 3 },
			direction: 'sending',
			external_id: null,
			id: 113,
			number: '+50768819519',
			status: 'sent',
		};
		fixture.emulator.inject({ match: { path: '/api/v1/sms/113' }, status: 200, body: { data: documented, result: 'ok' } });
		const { items } = await fixture.run({ resource: 'sms', operation: 'get', messageId: '113' });
		expect(items[0].json).toEqual({
			provider: 'BulkTextMessage',
			messageId: 113,
			externalId: null,
			direction: 'outbound',
			to: '+50768819519',
			from: null,
			text: 'To nestor test',
			status: 'sent',
			createdAt: '2016-06-26T19:59:36.000Z',
			contact: {
				contactId: 1,
				displayName: 'Nestor Panama',
				firstName: 'Nestor',
				lastName: 'Panama',
				phone: '+50768819519',
				reference: null,
			},
			raw: documented,
		});
	});

	test('Get Many: an incoming SMS is inbound, its number the sender', async () => {
		const incoming = fixture.api.addMessage({ number: '+50650191906', content: 'Mi clave', direction: 'incoming', status: 'received' });
		const { items } = await fixture.run({ resource: 'sms', operation: 'getAll', returnAll: false, limit: 1 });
		expect(items[0].json).toMatchObject({
			provider: 'BulkTextMessage',
			messageId: incoming.id,
			direction: 'inbound',
			from: '+50650191906',
			to: null,
			status: 'received',
			raw: incoming,
		});
		expect(items[0].json.createdAt).toBe(`${incoming.created.date.slice(0, 10)}T${incoming.created.date.slice(11, 23)}Z`);
	});

	test('Get of an unknown id fails with a clear API error', async () => {
		const { error } = await fixture.run({ resource: 'sms', operation: 'get', messageId: '99999999' });
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toBe('Not found');
	});

	test('Get Many with a Limit pages by number until the limit is reached', async () => {
		while (fixture.api.messages.length < 40) fixture.api.addMessage({ number: phone(9), content: 'filler' });
		const { items } = await fixture.run({ resource: 'sms', operation: 'getAll', returnAll: false, limit: 20 });
		expect(items).toHaveLength(20);
		expect(fixture.emulator.requestsTo('GET', '/api/v1/sms/').map((r) => r.query.page)).toEqual(['1', '2']);
		const newest = [...fixture.api.messages].reverse().slice(0, 20).map((m) => m.id);
		expect(items.map((i) => i.json.messageId)).toEqual(newest);
	});

	test('Get Many with Return All walks every page up to total_pages', async () => {
		const total = fixture.api.messages.length;
		const { items } = await fixture.run({ resource: 'sms', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(total);
		expect(fixture.emulator.requestsTo('GET', '/api/v1/sms/')).toHaveLength(Math.ceil(total / 15));
		expect(new Set(items.map((i) => i.json.messageId)).size).toBe(total);
	});
});
