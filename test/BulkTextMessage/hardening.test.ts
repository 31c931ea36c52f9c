import type { IDataObject } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkTextMessageFixture } from './fixture';

const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const GOOD = { phone: '+447700900001', text: 'Hello', at: '' };

/** Send Many with everything mapped from the item, On Error: Continue. */
async function sendMany(items: IDataObject[], options: Record<string, string> = {}) {
	return await fixture.run(
		{
			resource: 'sms',
			operation: 'sendMany',
			to: '={{ $json.phone }}',
			message: '={{ $json.text }}',
			additionalFields: { scheduledAt: '={{ $json.at }}' },
			options,
		},
		items.map((item) => ({ ...GOOD, ...item })),
		{ continueOnFail: true },
	);
}

function sentList(): IDataObject[] {
	return fixture.bodies('/api/v1/sms/many').flatMap((body) => body.list as IDataObject[]);
}

describe('numbers', () => {
	test.each([
		['+44 (0) 7700 900125', '+447700900125'],
		['+44(0)7700 900125', '+447700900125'],
		['0044 (0) 7700 900125', '+447700900125'],
	])('a national trunk (0) after the country code is dropped: %s is sent as %s', async (phone, expected) => {
		const { items } = await sendMany([{ phone }]);

		expect(items[0].json).toMatchObject({ to: expected, accepted: true });
		expect(sentList().map((entry) => entry.to)).toEqual([expected]);
	});

	test.each([
		['+0044 7700 900125', {}],
		['000447700900154', { defaultCountryCode: '+44' }],
		['000447700900154', {}],
	])('%s (options %p) would start with 0 after the + and is refused, nothing sent for it', async (phone, options) => {
		const { items } = await sendMany([GOOD, { phone }], options);

		expect(items[1].json).toMatchObject({
			accepted: false,
			status: 'invalid',
			error: `Item 1: To "${phone}" has a 0 right after the international prefix`,
		});
		expect(String(items[1].json.errorReason)).toContain('Country codes never start with 0');
		expect(sentList().map((entry) => entry.to)).toEqual([GOOD.phone]);
	});

	test('a Default Country Code starting with 0 (+044) is refused on the item that needs it', async () => {
		const { items } = await sendMany([GOOD, { phone: '07700 900125' }], { defaultCountryCode: '+044' });

		expect(items[1].json.error).toBe('Item 1: Default Country Code "+044" is not a calling code');
		expect(sentList().map((entry) => entry.to)).toEqual([GOOD.phone]);
	});
});

describe('segments are counted as the network splits the text', () => {
	test.each([
		['152 × a, €, 152 × a (an escape pair is never split across parts)', `${'a'.repeat(152)}€${'a'.repeat(152)}`, 'GSM-7', 306, 3],
		['306 × a (no escape: two full parts)', 'a'.repeat(306), 'GSM-7', 306, 2],
		['66 × ж, an emoji, 66 × ж (a surrogate pair is never split at a UCS-2 boundary)', `${'ж'.repeat(66)}😀${'ж'.repeat(66)}`, 'UCS-2', 134, 3],
		['134 × ж (two full UCS-2 parts)', 'ж'.repeat(134), 'UCS-2', 134, 2],
	])('%s', async (_case, text, encoding, characters, segments) => {
		const { items } = await sendMany([{ text }]);

		expect(items[0].json).toMatchObject({ accepted: true, encoding, characters, segments });
	});
});

describe('message text', () => {
	test.each([
		[123456, '123456'],
		[0, '0'],
		[true, 'true'],
	])('%p mapped into Message is sent as the text %p', async (text, body) => {
		const { items } = await sendMany([{ text }]);

		expect(items[0].json).toMatchObject({ accepted: true, characters: body.length });
		expect(sentList().map((entry) => entry.body)).toEqual([body]);
	});

	test.each([
		[{ code: 123456 }, 'an object'],
		[[1, 2], 'a list'],
	])('%p stays an item error', async (text, kind) => {
		const { items } = await sendMany([GOOD, { text }]);

		expect(items[1].json.error).toBe(`Item 1: Message is ${kind}, not text`);
		expect(sentList()).toHaveLength(1);
	});
});

describe('schedules', () => {
	test.each([
		['+275760-09-13T00:00:00Z', 'Item 1: Schedule At "+275760-09-13T00:00:00Z" is outside the years 2000 to 9999'],
		['-000001-01-01T00:00:00Z', 'Item 1: Schedule At "-000001-01-01T00:00:00Z" is outside the years 2000 to 9999'],
		['2020-01-01T10:00:00Z', 'Item 1: Schedule At 2020-01-01T10:00:00Z is in the past'],
	])('%s is an item error and nothing is sent for it', async (at, message) => {
		const { items } = await sendMany([GOOD, { phone: '+447700900002', at }], {});

		expect(items[1].json.error).toBe(message);
		expect(items[0].json.accepted).toBe(true);
		const sent = sentList();
		expect(sent.map((entry) => entry.to)).toEqual([GOOD.phone]);
		expect(JSON.stringify(fixture.emulator.requests.map((request) => request.rawBody))).not.toContain('Invalid');
	});

	test('a past schedule says what to do', async () => {
		const { items } = await sendMany([{ at: '2020-01-01T10:00:00Z' }]);

		expect(items[0].json.errorReason).toContain('Pick a future time, or clear the field to send now.');
	});

	test('a schedule less than a minute ago (such as {{ $now }}) is sent now, without a schedule', async () => {
		const { items } = await sendMany([{ at: new Date(Date.now() - 20_000).toISOString() }]);

		expect(items[0].json).toMatchObject({ accepted: true, scheduledAt: null });
		expect(sentList()[0]).not.toHaveProperty('scheduled');
	});

	test('a future schedule is still sent as given', async () => {
		const { items } = await sendMany([{ at: '2031-06-01T08:00:00Z' }], {});

		expect(items[0].json).toMatchObject({ accepted: true, scheduledAt: '2031-06-01T08:00:00.000Z' });
	});
});
