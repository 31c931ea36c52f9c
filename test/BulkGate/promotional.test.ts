import type { IDataObject, INodeParameters } from 'n8n-workflow';
import example from '../../examples/bulkgate-send-promotional.json';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, czech, czechDigits, czechE164 } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const perItem = { number: '={{ $json.to }}', text: '={{ $json.text ?? "Summer sale: -20 %" }}' };

function send(parameters: INodeParameters, items: IDataObject[], continueOnFail = false) {
	return fixture.run(
		{ resource: 'message', operation: 'sendPromotional', ...perItem, ...parameters },
		items,
		{ continueOnFail },
	);
}

const recipients = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ to: czech(from + i) }));

describe('Message → Send Promotional', () => {
	test.each([
		[300, 4, [300, 300, 300, 100]],
		[500, 2, [500, 500]],
	])(
		'1,000 recipients with batch size %i: %i requests, each item its own text, variables and message ID',
		async (batchSize, requests, sizes) => {
			const items = Array.from({ length: 1000 }, (_, i) => ({
				to: czech(i),
				name: `Customer ${i}`,
				code: i,
			}));
			const { items: output, error } = await send(
				{
					text: 'Hi <name>, your code is <code>',
					variables: {
						variable: [
							{ name: 'name', value: '={{ $json.name }}' },
							{ name: 'code', value: '={{ $json.code }}' },
						],
					},
					options: { batchSize },
				},
				items,
			);
			expect(error).toBeUndefined();
			expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(requests);
			expect(requests).toBe(Math.ceil(1000 / batchSize));
			expect(fixture.bodies(PROMOTIONAL).map((body) => (body.number as unknown[]).length)).toEqual(sizes);
			expect(fixture.bodies(PROMOTIONAL)[0].number).toContainEqual({
				number: czechDigits(7),
				text: 'Hi <name>, your code is <code>',
				variables: { name: 'Customer 7', code: 7 },
			});
			expect(output).toHaveLength(1000);
			output.forEach((item, index) => {
				const stored = fixture.api.sentTo(czechDigits(index));
				expect(stored).toHaveLength(1);
				expect(stored[0].text).toBe(`Hi Customer ${index}, your code is ${index}`);
				expect(item.json.messageId).toBe(stored[0].messageId);
				expect(item.pairedItem).toEqual({ item: index });
			});
			expect(new Set(output.map((item) => item.json.messageId)).size).toBe(1000);
		},
	);

	test('a mixed batch: invalid and blacklisted numbers fail alone with BulkGate’s reason, the rest are sent', async () => {
		fixture.api.invalidNumbers.add(czechDigits(2));
		fixture.api.blacklist.add(czechDigits(4));
		const { items } = await send({}, recipients(0, 6), true);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(1);
		expect(items[2].json).toMatchObject({
			error: 'Item 2: BulkGate rejected the phone number as invalid: "Invalid phone number" (invalid_number)',
			status: 'refused',
			errorCode: 'invalid_number',
			errorReason: 'Invalid phone number',
		});
		expect(items[4].json.error).toBe(
			'Item 4: The number is on the BulkGate blacklist: "Phone number is on Blacklist" (blacklisted)',
		);
		expect(items[4].json).toMatchObject({ to: czechE164(4), errorCode: 'blacklisted', raw: { number: czechDigits(4) } });
		expect(items.map((item) => item.json.accepted ?? false)).toEqual([true, true, false, true, false, true]);
		expect(fixture.storedCount([0, 1, 2, 3, 4, 5].map(czechDigits))).toEqual([1, 1, 0, 1, 0, 1]);
	});

	test('without On Error: Continue a refused recipient among accepted ones keeps its item, with BulkGate\'s code and reason', async () => {
		fixture.api.blacklist.add(czechDigits(11));
		const { items, error, hints } = await send({}, recipients(10, 3));
		expect(error).toBeUndefined();
		expect(items[1].json).toMatchObject({
			to: czechE164(11),
			accepted: false,
			status: 'refused',
			errorCode: 'blacklisted',
			errorReason: 'Phone number is on Blacklist',
			error: 'Item 1: The number is on the BulkGate blacklist: "Phone number is on Blacklist" (blacklisted)',
		});
		expect([items[0].json.accepted, items[2].json.accepted]).toEqual([true, true]);
		expect(hints).toEqual(['1 of 3 recipients were not sent (1 refused) — see the items with accepted = false']);
		expect(fixture.storedCount([10, 11, 12].map(czechDigits))).toEqual([1, 0, 1]);
	});

	test('without On Error: Continue the node stops when nothing was accepted, naming the first refused recipient', async () => {
		fixture.api.blacklist.add(czechDigits(10));
		fixture.api.blacklist.add(czechDigits(11));
		const { error } = await send({}, recipients(10, 2));
		expect(error?.message).toBe(
			'Item 0: The number is on the BulkGate blacklist: "Phone number is on Blacklist" (blacklisted)',
		);
	});

	test('duplicates check: same text, same number, and none', async () => {
		await send({}, [
			{ to: czech(20), text: 'Sale' },
			{ to: czech(21), text: 'Sale' },
		]);

		const sameText = await send(
			{ additionalFields: { duplicatesCheck: 'same_text' } },
			[
				{ to: czech(20), text: 'Sale' },
				{ to: czech(21), text: 'New sale' },
			],
			true,
		);
		expect(sameText.items.map((item) => (item.json.accepted ? item.json.status : item.json.error))).toEqual([
			'Item 0: BulkGate dropped the message as a duplicate of an earlier one: "Duplicate message" (duplicity_message)',
			'accepted',
		]);

		const sameNumber = await send(
			{ additionalFields: { duplicatesCheck: 'same_number' } },
			[
				{ to: czech(20), text: 'Another text' },
				{ to: czech(22) },
				{ to: czech(22), text: 'Twice in one request' },
			],
			true,
		);
		expect(sameNumber.items.map((item) => item.json.status ?? 'refused')).toEqual([
			'refused',
			'accepted',
			'refused',
		]);

		const none = await send({ additionalFields: { duplicatesCheck: 'none' } }, [
			{ to: czech(20), text: 'Sale' },
		]);
		expect(none.items[0].json.status).toBe('accepted');

		const raw = fixture.rawBodies(PROMOTIONAL);
		expect(raw[0]).not.toContain('duplicates_check');
		expect(
			fixture
				.bodies(PROMOTIONAL)
				.slice(1)
				.map((body) => body.duplicates_check),
		).toEqual(['same_text', 'same_number', null]);
		expect(raw[3]).toContain('"duplicates_check":null');
		expect(fixture.storedCount([20, 21, 22].map(czechDigits))).toEqual([2, 2, 1]);
	});

	test('items whose request-level fields differ (Unicode, country) go in separate requests', async () => {
		const { items } = await send(
			{ additionalFields: { country: '={{ $json.country ?? "" }}' }, options: { batchSize: 100 } },
			[
				{ to: czech(30) },
				{ to: czech(31), text: 'Sleva 20 % – jen dnes! 😊' },
				{ to: '777 000 032', country: 'cz' },
				{ to: czech(33) },
			],
		);
		const bodies = fixture.bodies(PROMOTIONAL);
		expect(bodies.map((body) => (body.number as IDataObject[]).map((entry) => entry.number))).toEqual([
			[czechDigits(30), czechDigits(33)],
			[czechDigits(31)],
			['777000032'],
		]);
		expect(bodies.map((body) => ((body.channel as IDataObject).sms as IDataObject).unicode)).toEqual([
			false,
			true,
			false,
		]);
		expect(bodies[2].country).toBe('cz');
		expect(items.map((item) => item.json.accepted)).toEqual([true, true, true, true]);
		expect(items[1].json).toMatchObject({ encoding: 'UCS-2' });
	});

	describe('address-book groups and admins', () => {
		beforeEach(() => {
			fixture.api.groups.set(12, [czechDigits(900), czechDigits(901)]);
			fixture.api.groups.set(15, [czechDigits(902)]);
			fixture.api.admins.set(154, czechDigits(903));
		});

		const groups = {
			sendTo: ['items', 'groupsAndAdmins'],
			groupIds: '12, 15',
			adminIds: '154',
			groupText: 'Dear <first_name>, our shop opens on Monday',
			options: { batchSize: 2 },
		};

		test('are sent once, in their own request, however many batches the items need', async () => {
			const { items, error } = await send(groups, recipients(40, 5));
			expect(error).toBeUndefined();
			const bodies = fixture.bodies(PROMOTIONAL);
			expect(bodies).toHaveLength(4);
			expect(bodies.filter((body) => 'groups' in body || 'admins' in body)).toHaveLength(1);
			const groupBody = bodies[3];
			expect(groupBody).toMatchObject({
				groups: [12, 15],
				admins: [154],
				text: 'Dear <first_name>, our shop opens on Monday',
			});
			expect(groupBody).not.toHaveProperty('number');
			expect(bodies.slice(0, 3).every((body) => Array.isArray(body.number) && !('text' in body))).toBe(true);

			expect(items).toHaveLength(9);
			expect(items.slice(0, 5).map((item) => item.pairedItem)).toEqual(
				[0, 1, 2, 3, 4].map((item) => ({ item })),
			);
			expect(items.slice(5).map((item) => [item.json.to, item.json.accepted, item.pairedItem])).toEqual(
				[900, 901, 902, 903].map((i) => [czechE164(i), true, { item: 0 }]),
			);
			expect(fixture.storedCount([900, 901, 902, 903].map(czechDigits))).toEqual([1, 1, 1, 1]);
		});

		test('alone: one request, results paired with the first item', async () => {
			const { items } = await send({ ...groups, sendTo: ['groupsAndAdmins'], adminIds: '' }, [{}, {}, {}]);
			expect(fixture.bodies(PROMOTIONAL)).toHaveLength(1);
			expect(fixture.bodies(PROMOTIONAL)[0]).not.toHaveProperty('admins');
			expect(items.map((item) => [item.json.to, item.json.status, item.pairedItem])).toEqual([
				[czechE164(900), 'accepted', { item: 0 }],
				[czechE164(901), 'accepted', { item: 0 }],
				[czechE164(902), 'accepted', { item: 0 }],
			]);
			expect(items[0].json.messageId).toBe(fixture.api.sentTo(czechDigits(900))[0].messageId);
		});

		test('a blacklisted group member fails alone, the others are sent', async () => {
			fixture.api.blacklist.add(czechDigits(901));
			const { items } = await send({ ...groups, sendTo: ['groupsAndAdmins'] }, [{}], true);
			expect(items.map((item) => (item.json.accepted ? item.json.status : item.json.error))).toEqual([
				'accepted',
				'accepted',
				'accepted',
				'Item 0 (groups and admins): The number is on the BulkGate blacklist: "Phone number is on Blacklist" (blacklisted)',
			]);
		});

		test('when the group request may have been accepted, it is not sent again and says so', async () => {
			fixture.emulator.inject({ match: { path: PROMOTIONAL }, reset: true, afterHandling: true });
			const { items } = await send({ ...groups, sendTo: ['groupsAndAdmins'] }, [{}], true);
			expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(1);
			expect(items).toHaveLength(1);
			expect(items[0].json.error).toMatch(
				/^Item 0 \(groups and admins\): outcome unknown: .*It was not resent, to avoid a double message\. Look for the message to groups 12, 15 and admins 154/,
			);
			expect(fixture.storedCount([900, 901, 902, 903].map(czechDigits))).toEqual([1, 1, 1, 1]);
		});

		test('dry run shows the group request once and sends nothing', async () => {
			const { items } = await send({ ...groups, options: { dryRun: true, batchSize: 2 } }, recipients(50, 3));
			expect(fixture.emulator.requests).toHaveLength(0);
			expect(items).toHaveLength(4);
			expect(items[3].json).toMatchObject({
				status: 'dryRun',
				to: 'groups 12, 15 and admins 154',
				request: { url: PROMOTIONAL, body: { groups: [12, 15], admins: [154] } },
			});
			expect(items[2].json).toMatchObject({
				request: { batch: 2, positionInBatch: 1, entry: { number: czechDigits(52) } },
			});
		});
	});

	test('every per-recipient status BulkGate documents maps to its own item', async () => {
		const statuses = [
			'sent',
			'accepted',
			'scheduled',
			'error',
			'invalid_number',
			'blacklisted',
			'invalid_sender',
			'duplicity_message',
		];
		fixture.emulator.inject({
			match: { path: PROMOTIONAL },
			status: 200,
			body: {
				data: {
					response: statuses.map((status, i) =>
						i < 3
							? { status, message_id: `m-${i}`, number: czechDigits(80 + i) }
							: { status, code: 9, error: `reason ${i}`, detail: null, number: czechDigits(80 + i) },
					),
				},
			},
		});
		const { items } = await send({ options: { batchSize: 8 } }, recipients(80, 8), true);
		expect(items.map((item) => item.json.messageId ?? item.json.error)).toEqual([
			'm-0',
			'm-1',
			'm-2',
			'Item 3: BulkGate could not send the message: "reason 3" (error)',
			'Item 4: BulkGate rejected the phone number as invalid: "reason 4" (invalid_number)',
			'Item 5: The number is on the BulkGate blacklist: "reason 5" (blacklisted)',
			'Item 6: BulkGate rejected the sender ID: "reason 6" (invalid_sender)',
			'Item 7: BulkGate dropped the message as a duplicate of an earlier one: "reason 7" (duplicity_message)',
		]);
	});

	test('a status this node does not know leaves the outcome unknown rather than guessing', async () => {
		fixture.emulator.inject({
			match: { path: PROMOTIONAL },
			status: 200,
			body: { data: { response: [{ status: 'queued_somewhere', number: czechDigits(90) }] } },
		});
		const { items } = await send({}, recipients(90, 1), true);
		expect(items[0].json.error).toMatch(
			/^Item 0: outcome unknown: BulkGate answered with the unknown status "queued_somewhere" for 420700000090\. It was not resent/,
		);
	});

	test('an answer with fewer entries than recipients leaves the outcome unknown and nothing is resent', async () => {
		fixture.emulator.inject({
			match: { path: PROMOTIONAL },
			afterHandling: true,
			status: 200,
			body: { data: { response: [{ status: 'accepted', message_id: 'x-0', number: czechDigits(60) }] } },
		});
		const { items } = await send({}, recipients(60, 3), true);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(1);
		for (const [index, item] of items.entries()) {
			expect(item.json.error).toMatch(
				new RegExp(
					`^Item ${index}: outcome unknown: BulkGate answered with 1 entries for 3 recipients\\. It was not resent`,
				),
			);
		}
		expect(fixture.storedCount([60, 61, 62].map(czechDigits))).toEqual([1, 1, 1]);
	});

	test('an answer whose numbers do not line up leaves the outcome unknown', async () => {
		fixture.emulator.inject({
			match: { path: PROMOTIONAL },
			afterHandling: true,
			status: 200,
			body: {
				data: {
					response: [
						{ status: 'accepted', message_id: 'x-1', number: czechDigits(71) },
						{ status: 'accepted', message_id: 'x-0', number: czechDigits(70) },
					],
				},
			},
		});
		const { items } = await send({}, recipients(70, 2), true);
		expect(items[0].json.error).toContain(
			"outcome unknown: BulkGate's answer does not line up with the request",
		);
		expect(items[1].json.error).toContain('outcome unknown');
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(1);
	});

	test('each item carries its own request’s summary: price, status counts and the credit left', async () => {
		fixture.api.blacklist.add(czechDigits(1));
		const before = fixture.api.credit;
		const items = recipients(0, 5).map((item, index) => ({
			...item,
			text: index === 3 ? `Long offer: ${'x'.repeat(200)}` : undefined,
		}));
		const { items: output } = await send({ options: { batchSize: 3 } }, items, true);
		expect(fixture.emulator.requestsTo('POST', PROMOTIONAL)).toHaveLength(2);

		// What the emulator stored decides each request's price, counts and the balance after it.
		const partsOf = (index: number) =>
			fixture.api.sentTo(czechDigits(index)).reduce((sum, message) => sum + message.parts, 0);
		const batches = [
			[0, 1, 2],
			[3, 4],
		];
		let credit = before;
		const expected = batches.map((indexes) => {
			const price = indexes.reduce((sum, index) => sum + partsOf(index), 0);
			credit -= price;
			const accepted = indexes.filter((index) => fixture.api.sentTo(czechDigits(index)).length > 0).length;
			return {
				firstItem: indexes[0],
				recipients: indexes.length,
				price,
				remainingCredit: credit,
				sent: 0,
				accepted,
				scheduled: 0,
				error: 0,
				blacklisted: indexes.length - accepted,
				invalidNumber: 0,
				invalidSender: 0,
				duplicityMessage: 0,
			};
		});
		expect(partsOf(3)).toBe(2);
		expect(expected[0]).toMatchObject({ price: 2, accepted: 2, blacklisted: 1 });
		expect(credit).toBe(fixture.api.credit);
		batches.forEach((indexes, batch) => {
			for (const index of indexes) expect(output[index].json.requestSummary).toEqual(expected[batch]);
		});
		expect(output[1].json).toMatchObject({ status: 'refused', errorCode: 'blacklisted' });
	});

	test('the example workflow’s node sends as shipped', async () => {
		const node = example.nodes.find((candidate) => candidate.type === 'n8n-nodes-bulk-sms.bulkGate');
		const customers = [
			{ phone: '+420 777 123 456', firstName: 'Jana', code: 'SPRING-JANA' },
			{ phone: '00420 777 123 457', firstName: 'Petr', code: 'SPRING-PETR' },
			{ phone: '777 123 458', firstName: 'Eva', code: 'SPRING-EVA' },
		];
		const { items, error } = await fixture.run(node?.parameters as INodeParameters, customers);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.accepted)).toEqual([true, true, true]);
		const [body] = fixture.bodies(PROMOTIONAL);
		expect(Object.keys(body.channel as IDataObject)).toEqual(['viber', 'sms']);
		expect(fixture.api.sentTo('420777123458')[0].text).toBe(
			'Hi Eva, spring sale: 20 % off with code SPRING-EVA until Sunday. Reply STOP to opt out.',
		);
	});
});
