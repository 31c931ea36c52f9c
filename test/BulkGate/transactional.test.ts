import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, TRANSACTIONAL, czech, czechDigits, czechE164 } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

function send(parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) {
	return fixture.run({ resource: 'message', operation: 'sendTransactional', ...parameters }, items, {
		continueOnFail,
	});
}

describe('Message → Send Transactional', () => {
	test('sends one request per item, numbers normalised, each result with its own message ID', async () => {
		const numbers = ['+420 777 123 456', '00420 777 123 457', '420-777-123-458'];
		const { items, error } = await send(
			{ number: '={{ $json.to }}', text: 'Your order has shipped' },
			numbers.map((to) => ({ to })),
		);
		expect(error).toBeUndefined();
		const bodies = fixture.bodies(TRANSACTIONAL);
		expect(bodies.map((body) => body.number)).toEqual(['420777123456', '420777123457', '420777123458']);
		expect(bodies[0]).toEqual({
			number: '420777123456',
			text: 'Your order has shipped',
			channel: { sms: { sender_id: 'gSystem', unicode: false } },
			application_id: '12345',
			application_token: 'token-12345',
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		items.forEach((item, index) => {
			const stored = fixture.api.sentTo(bodies[index].number as string);
			expect(stored).toHaveLength(1);
			expect(item.json).toEqual({
				provider: 'BulkGate',
				messageId: stored[0].messageId,
				externalId: null,
				to: `+${String(bodies[index].number)}`,
				status: 'accepted',
				accepted: true,
				scheduledAt: null,
				encoding: 'GSM-7',
				characters: 22,
				segments: 1,
				raw: expect.objectContaining({ status: 'accepted', message_id: stored[0].messageId }),
			});
		});
	});

	test('variables fill the placeholders, keep their types, and the filled text is measured', async () => {
		const { items } = await send(
			{
				number: czech(1),
				text: 'Hi <first_name>, your code is <code>. <unknown> stays.',
				variables: {
					variable: [
						{ name: 'first_name', value: '={{ $json.name }}' },
						{ name: 'code', value: '={{ $json.code }}' },
					],
				},
			},
			[{ name: 'Bartholomew'.repeat(15), code: 4711 }],
		);
		const [body] = fixture.bodies(TRANSACTIONAL);
		expect(body.variables).toEqual({ first_name: 'Bartholomew'.repeat(15), code: 4711 });
		const [stored] = fixture.api.sentTo(czechDigits(1));
		expect(stored.text).toBe(`Hi ${'Bartholomew'.repeat(15)}, your code is 4711. <unknown> stays.`);
		expect(items[0].json).toMatchObject({ characters: stored.text.length, segments: 2 });
	});

	test('a notification admin is addressed by ID instead of a number', async () => {
		fixture.api.admins.set(154, '420777000154');
		const { items, error } = await send({ sendTo: 'admin', adminId: 154, text: 'Server down' });
		expect(error).toBeUndefined();
		const [body] = fixture.bodies(TRANSACTIONAL);
		expect(body.admin).toBe(154);
		expect(body).not.toHaveProperty('number');
		expect(items[0].json).toMatchObject({ to: '+420777000154', accepted: true, raw: { number: '420777000154' } });
		expect(fixture.api.sentTo('420777000154')).toHaveLength(1);
	});

	test('an unknown admin gets BulkGate’s admin_not_found, nothing is sent', async () => {
		const { error } = await send({ sendTo: 'admin', adminId: 999, text: 'Server down' });
		expect(error?.message).toBe(
			"Item 0: BulkGate refused the request (admin_not_found, HTTP 400): Admin not found. Check the admin ID in the BulkGate Portal's notification admins.",
		);
		expect(error?.httpCode).toBe('400');
		expect(fixture.api.messages).toHaveLength(0);
	});

	test('with Country, a national number goes as written and BulkGate adds the prefix', async () => {
		const { items, error } = await send({
			number: '0777 123 456',
			text: 'Hello',
			additionalFields: { country: 'CZ' },
		});
		expect(error).toBeUndefined();
		expect(fixture.bodies(TRANSACTIONAL)[0]).toMatchObject({ number: '777123456', country: 'cz' });
		expect(items[0].json).toMatchObject({ to: '+420777123456', accepted: true, raw: { number: '420777123456' } });
		expect(fixture.api.sentTo('420777123456')).toHaveLength(1);
	});

	test('duplicates check on drops a repeat within 5 minutes; off sends it again', async () => {
		const parameters = {
			number: czech(2),
			text: 'Your code is 1234',
			additionalFields: { duplicatesCheck: true },
		};
		await send(parameters);
		const repeat = await send(parameters, [{}], true);
		expect(fixture.bodies(TRANSACTIONAL).map((body) => body.duplicates_check)).toEqual(['on', 'on']);
		expect(repeat.items[0].json.error).toBe(
			'Item 0: BulkGate dropped the message as a duplicate of an earlier one: "Duplicate message" (duplicity_message)',
		);
		expect(fixture.api.sentTo(czechDigits(2))).toHaveLength(1);

		const off = await send({ ...parameters, additionalFields: { duplicatesCheck: false } });
		expect(off.items[0].json.accepted).toBe(true);
		expect(fixture.bodies(TRANSACTIONAL)[2].duplicates_check).toBe('off');
		expect(fixture.api.sentTo(czechDigits(2))).toHaveLength(2);
	});

	test('the tag travels with the message', async () => {
		await send({ number: czech(3), text: 'Hello', additionalFields: { tag: 'order-42' } });
		expect(fixture.bodies(TRANSACTIONAL)[0].tag).toBe('order-42');
		expect(fixture.api.sentTo(czechDigits(3))[0].tag).toBe('order-42');
	});

	test('Viber first, then SMS: the raw body lists the channels in that order, with every Viber field', async () => {
		await send({
			number: czech(4),
			text: 'Your parcel is on its way',
			channels: {
				channel: [
					{
						type: 'viber',
						sender: 'Parcels',
						expiration: 300,
						text: 'Track it in the app',
						buttonCaption: 'Track',
						buttonUrl: 'https://example.com/track/42',
					},
					{ type: 'sms', senderIdType: 'gText', senderIdValue: 'Parcels', unicode: 'auto' },
				],
			},
		});
		const [raw] = fixture.rawBodies(TRANSACTIONAL);
		expect(raw.indexOf('"viber":')).toBeGreaterThan(-1);
		expect(raw.indexOf('"viber":')).toBeLessThan(raw.indexOf('"sms":'));
		const channel = fixture.bodies(TRANSACTIONAL)[0].channel as IDataObject;
		expect(Object.keys(channel)).toEqual(['viber', 'sms']);
		expect(channel).toEqual({
			viber: {
				sender: 'Parcels',
				expiration: 300,
				text: 'Track it in the app',
				button: { caption: 'Track', url: 'https://example.com/track/42' },
			},
			sms: { sender_id: 'gText', sender_id_value: 'Parcels', unicode: false },
		});
		expect(fixture.api.sentTo(czechDigits(4))[0].channels).toEqual(['viber', 'sms']);
	});

	test('SMS listed before Viber keeps that order', async () => {
		await send({
			number: czech(5),
			text: 'Hello',
			channels: { channel: [{ type: 'sms' }, { type: 'viber', sender: 'Shop' }] },
		});
		const [raw] = fixture.rawBodies(TRANSACTIONAL);
		expect(raw.indexOf('"sms":')).toBeLessThan(raw.indexOf('"viber":'));
		expect(fixture.bodies(TRANSACTIONAL)[0].channel).toEqual({
			sms: { sender_id: 'gSystem', unicode: false },
			viber: { sender: 'Shop', expiration: 120 },
		});
	});

	test('Viber alone still gets the SMS fallback, so Unicode is set from the text', async () => {
		await send({
			number: czech(6),
			text: 'Dobrý den, Šárko 😊',
			channels: { channel: [{ type: 'viber', sender: 'Shop' }] },
		});
		expect(fixture.bodies(TRANSACTIONAL)[0].channel).toEqual({
			viber: { sender: 'Shop', expiration: 120 },
			sms: { sender_id: 'gSystem', unicode: true },
		});
	});

	test.each([
		['Auto with GSM-7 text', 'auto', 'Hello there', false, 'GSM-7', 11],
		['Auto with an emoji', 'auto', 'Hello 😊', true, 'UCS-2', 8],
		['On with GSM-7 text', 'on', 'Hello there', true, 'UCS-2', 11],
		['Off with GSM-7 text', 'off', 'Price: 5€ [a]', false, 'GSM-7', 16],
	])('Unicode %s', async (_name, unicode, text, flag, encoding, characters) => {
		const { items } = await send({
			number: czech(7),
			text,
			channels: { channel: [{ type: 'sms', unicode }] },
		});
		expect((fixture.bodies(TRANSACTIONAL)[0].channel as IDataObject).sms).toMatchObject({ unicode: flag });
		expect(items[0].json).toMatchObject({ encoding, characters, segments: 1 });
		expect(fixture.api.sentTo(czechDigits(7))[0].unicode).toBe(flag);
	});

	test.each([
		['gSystem', '', { sender_id: 'gSystem' }],
		['gShort', '', { sender_id: 'gShort' }],
		['gText', 'MyShop', { sender_id: 'gText', sender_id_value: 'MyShop' }],
		['gOwn', '420777111222', { sender_id: 'gOwn', sender_id_value: '420777111222' }],
		['gProfile', '423', { sender_id: 'gProfile', sender_id_value: '423' }],
		['gMobile', 'KEY-1', { sender_id: 'gMobile', sender_id_value: 'KEY-1' }],
		['gPush', 'KEY-2', { sender_id: 'gPush', sender_id_value: 'KEY-2' }],
	])('sender ID type %s', async (senderIdType, senderIdValue, expected) => {
		fixture.api.verifiedOwnNumbers.add('420777111222');
		const { error } = await send({
			number: czech(8),
			text: 'Hello',
			channels: { channel: [{ type: 'sms', senderIdType, senderIdValue }] },
		});
		expect(error).toBeUndefined();
		expect((fixture.bodies(TRANSACTIONAL)[0].channel as IDataObject).sms).toEqual({
			...expected,
			unicode: false,
		});
	});

	test('an own number BulkGate has not verified is refused with its message', async () => {
		const { error } = await send({
			number: czech(9),
			text: 'Hello',
			channels: { channel: [{ type: 'sms', senderIdType: 'gOwn', senderIdValue: '420777999999' }] },
		});
		expect(error?.message).toContain('(invalid_numeric_sender, HTTP 400): Own sender not validated');
		expect(fixture.api.messages).toHaveLength(0);
	});

	test('dry run returns the exact request without credentials and sends nothing', async () => {
		const { items } = await send(
			{
				number: '={{ $json.to }}',
				text: 'Hello',
				additionalFields: { tag: 'dry' },
				options: { dryRun: true },
			},
			[{ to: czech(10) }, { to: czech(11) }],
		);
		expect(fixture.emulator.requests).toHaveLength(0);
		expect(items[1].json).toMatchObject({
			status: 'dryRun',
			accepted: false,
			to: czechE164(11),
			segments: 1,
			request: {
				method: 'POST',
				url: TRANSACTIONAL,
				body: {
					number: czechDigits(11),
					text: 'Hello',
					channel: { sms: { sender_id: 'gSystem', unicode: false } },
					tag: 'dry',
				},
			},
		});
		expect(JSON.stringify(items)).not.toContain('token-12345');
	});
});
