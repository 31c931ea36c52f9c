import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine, type NodeRun } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, TRANSACTIONAL, czech, czechDigits } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

/** Every field comes from the item, so each item can get one thing wrong. */
const transactional: INodeParameters = {
	resource: 'message',
	operation: 'sendTransactional',
	sendTo: '={{ $json.sendTo ?? "number" }}',
	number: '={{ $json.to }}',
	adminId: '={{ $json.admin ?? 0 }}',
	text: '={{ $json.text ?? "Hello <name>" }}',
	variables: {
		variable: [{ name: '={{ $json.varName ?? "name" }}', value: '={{ $json.varValue ?? "Eva" }}' }],
	},
	channels: {
		channel: [
			{
				type: '={{ $json.first ?? "viber" }}',
				sender: '={{ $json.viberSender ?? "Shop" }}',
				expiration: '={{ $json.expiration ?? 120 }}',
				buttonCaption: '={{ $json.caption ?? "" }}',
				buttonUrl: '={{ $json.url ?? "" }}',
			},
			{
				type: 'sms',
				senderIdType: 'gText',
				senderIdValue: '={{ $json.sender ?? "Shop" }}',
				unicode: '={{ $json.unicode ?? "auto" }}',
			},
		],
	},
	additionalFields: { country: '={{ $json.country ?? "" }}', schedule: '={{ $json.at ?? "" }}' },
};

/** [input item, the error its output must carry]; `null` marks the good items. */
const cases: Array<[IDataObject, string | null]> = [
	[{ to: czech(0) }, null],
	[{ to: '' }, 'Number is empty'],
	[{ to: 'call me' }, 'Number "call me" is not a phone number'],
	[{ to: '+420 12' }, 'Number "+420 12" has 5 digits'],
	[{ to: '0777 123 456' }, 'Number "0777 123 456" has no country code'],
	[{ to: ['+420777000001', '+420777000002'] }, 'Number is a list, not a phone number'],
	[{ to: czech(6), text: '' }, 'Text is empty'],
	[{ to: czech(7), text: '   ' }, 'Text is empty'],
	[{ to: czech(8), text: 'a'.repeat(613) }, 'Text is 613 characters long in GSM-7; BulkGate allows 612'],
	[{ to: czech(9), text: 'ř'.repeat(269) }, 'Text is 269 characters long in UCS-2; BulkGate allows 268'],
	[{ to: czech(10), text: 'a'.repeat(612) }, null],
	[{ to: czech(11), varValue: 'x'.repeat(607) }, 'Text is 613 characters long in GSM-7; BulkGate allows 612'],
	[{ to: czech(12), varName: 'first name' }, 'Variables: name "first name" is not a variable name'],
	[{ to: czech(13), varValue: { nested: true } }, 'Variables: the value of "name" is an object, not text'],
	[{ to: czech(13), text: ['Hello', 'there'] }, 'Text is a list, not text'],
	[{ to: czech(14), country: 'Czechia' }, 'Country "Czechia" is not a two-letter country code'],
	[{ to: czech(15), at: 'next tuesday' }, 'Schedule "next tuesday" is not a date and time'],
	[
		{ to: czech(16), sender: 'WayTooLongSender' },
		'Channels: SMS sender text "WayTooLongSender" has 16 characters',
	],
	[{ to: czech(17), sender: '' }, 'Channels: SMS sender ID type gText needs a Sender ID Value'],
	[{ to: czech(18), viberSender: '' }, "Channels: the Viber channel's Sender is empty"],
	[
		{ to: czech(19), caption: 'Open' },
		'Channels: the Viber button needs both a Button Caption and a Button URL',
	],
	[
		{ to: czech(20), caption: 'Open', url: 'example' },
		'Channels: the Viber channel\'s Button URL "example" is not a web address',
	],
	[
		{ to: czech(21), expiration: 30 },
		"Channels: the Viber channel's Expiration 30 is not a whole number of seconds from 60 up",
	],
	[{ to: czech(22), first: 'sms' }, 'Channels: SMS is listed twice'],
	[
		{ to: czech(23), unicode: 'off', text: 'Ahoj 😊' },
		'Text has characters GSM-7 cannot hold, but Unicode is Off',
	],
	[{ to: czech(24), unicode: 'yes' }, 'Channels: SMS Unicode "yes" is not Auto, Off or On'],
	[{ sendTo: 'admin', admin: 'boss' }, 'Admin ID: "boss" is not an ID'],
	[{ sendTo: 'admin' }, 'Admin ID is empty'],
	[{ to: czech(26) }, null],
];

describe('bad input never reaches BulkGate', () => {
	describe(`${cases.filter(([, error]) => error).length} bad items in one run, with On Error: Continue`, () => {
		let run: NodeRun;
		let sentNumbers: unknown[];
		beforeAll(async () => {
			fixture.reset();
			run = await fixture.run(
				transactional,
				cases.map(([item]) => item),
				{ continueOnFail: true },
			);
			sentNumbers = fixture.bodies(TRANSACTIONAL).map((body) => body.number);
		});

		test.each(cases.map(([item, expected], index) => [index, expected ?? 'sent', item, expected] as const))(
			'item %i: %s',
			(index, _title, _item, expected) => {
				const item = run.items[index];
				expect(item.pairedItem).toEqual({ item: index });
				if (expected === null) {
					expect(item.json).toMatchObject({ accepted: true, status: 'accepted' });
					return;
				}
				expect(item.json).toMatchObject({ error: `Item ${index}: ${expected}`, accepted: false, status: 'invalid' });
				expect(item.json.errorReason).toMatch(/ Nothing was sent for this item\.$/);
			},
		);

		test('only the good items reached BulkGate, the 612-character text as 4 parts', () => {
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(cases.length);
			expect(sentNumbers).toEqual([czechDigits(0), czechDigits(10), czechDigits(26)]);
			expect(run.items[10].json).toMatchObject({ characters: 612, segments: 4 });
		});
	});

	test('without On Error: Continue the node stops at the first bad item before anything is sent', async () => {
		const { error } = await fixture.run(transactional, [{ to: czech(30) }, { to: '' }, { to: czech(32) }]);
		expect(error?.message).toBe('Item 1: Number is empty');
		expect(error?.description).toBe(
			'Map a phone number such as +44 7700 900123 into "Number". Nothing was sent for this item.',
		);
		expect(fixture.emulator.requests).toHaveLength(0);
	});

	describe('Send Promotional', () => {
		const promotional: INodeParameters = {
			resource: 'message',
			operation: 'sendPromotional',
			sendTo: ['items', 'groupsAndAdmins'],
			number: '={{ $json.to }}',
			text: '={{ $json.text ?? "Sale" }}',
			groupIds: '={{ $json.groups ?? "12" }}',
			adminIds: '',
			groupText: '={{ $json.groupText ?? "Sale for <first_name>" }}',
		};

		beforeEach(() => fixture.api.groups.set(12, [czechDigits(900)]));

		test('bad items and bad group IDs fail alone; the good items still share one request', async () => {
			const { items } = await fixture.run(
				promotional,
				[
					{ to: czech(40), groups: '12, twelve' },
					{ to: '' },
					{ to: czech(42), text: '💬'.repeat(135) },
					{ to: czech(43) },
				],
				{ continueOnFail: true },
			);
			expect(items.map((item) => item.json.error ?? item.json.status)).toEqual([
				'accepted',
				'Item 1: Number is empty',
				'Item 2: Text is 270 characters long in UCS-2; BulkGate allows 268',
				'accepted',
				'Item 0: Group IDs: "twelve" is not an ID',
			]);
			expect(items[4].json.errorReason).toBe(
				'Enter whole numbers separated by commas, such as 12, 15. Nothing was sent to the groups and admins.',
			);
			expect(fixture.bodies(PROMOTIONAL)).toHaveLength(1);
			expect(fixture.bodies(PROMOTIONAL)[0].number).toEqual([
				{ number: czechDigits(40), text: 'Sale' },
				{ number: czechDigits(43), text: 'Sale' },
			]);
		});

		test.each([
			[{ groups: '' }, 'Item 0: Group IDs and Admin IDs are both empty'],
			[{ groupText: '' }, 'Item 0: Text for Groups and Admins is empty'],
		])(
			'a bad groups-and-admins request stops the node before any item is sent: %j',
			async (item, message) => {
				const { error } = await fixture.run(promotional, [{ to: czech(50), ...item }, { to: czech(51) }]);
				expect(error?.message).toBe(message);
				expect(fixture.emulator.requests).toHaveLength(0);
			},
		);

		test('Send To mapped to an empty list is refused (n8n itself refuses an empty pick)', async () => {
			const { error } = await fixture.run({ ...promotional, sendTo: '={{ [] }}' }, [{ to: czech(60) }]);
			expect(error?.message).toBe('Send To is empty');
			expect(fixture.emulator.requests).toHaveLength(0);
		});
	});
});
