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

const GOOD = { phone: '+447700900001', text: 'Hello', ext: 1, at: '' };

/** Three items, the middle one bad; everything mapped from the item so each case changes one field. */
async function sendWithBadMiddle(bad: IDataObject, options: Record<string, string> = {}, continueOnFail = true) {
	const items = [GOOD, { ...GOOD, phone: '+447700900002', ext: 2, ...bad }, { ...GOOD, phone: '+447700900003', ext: 3 }];
	return await fixture.run(
		{
			resource: 'sms',
			operation: 'sendMany',
			to: '={{ $json.phone }}',
			message: '={{ $json.text }}',
			additionalFields: { externalId: '={{ $json.ext }}', scheduledAt: '={{ $json.at }}' },
			options,
		},
		items,
		{ continueOnFail },
	);
}

const cases: Array<[string, IDataObject, RegExp]> = [
	['an empty number', { phone: '' }, /^Item 1: To is empty$/],
	['a number of letters', { phone: 'call me' }, /^Item 1: To "call me" is not a phone number$/],
	['a number with a letter O for a zero', { phone: '+44 77OO 900002' }, /^Item 1: To "\+44 77OO 900002" is not a phone number$/],
	['a number too short', { phone: '+12345' }, /^Item 1: To "\+12345" has 5 digits$/],
	['a number too long', { phone: '+1234567890123456' }, /^Item 1: To "\+1234567890123456" has 16 digits$/],
	['a national number without Default Country Code', { phone: '07700 900002' }, /^Item 1: To "07700 900002" has no country code$/],
	['a number that is an object', { phone: { number: '+447700900002' } }, /^Item 1: To is an object, not a phone number$/],
	['a number that is a list', { phone: ['+447700900002'] }, /^Item 1: To is a list, not a phone number$/],
	['a number that is a boolean', { phone: true }, /^Item 1: To is a boolean, not a phone number$/],
	['an empty message', { text: '' }, /^Item 1: Message is empty$/],
	['a message of spaces', { text: '   ' }, /^Item 1: Message is empty$/],
	['a message that is an object', { text: { body: 'x' } }, /^Item 1: Message is an object, not text$/],
	['a message that is a list', { text: ['Hello', 'there'] }, /^Item 1: Message is a list, not text$/],
	['an external ID with decimals', { ext: 12.5 }, /^Item 1: External ID 12.5 is not a whole number$/],
	['an external ID of letters', { ext: 'abc' }, /^Item 1: External ID "abc" is not a whole number$/],
	['an external ID beyond safe integers', { ext: '99999999999999999999' }, /^Item 1: External ID "99999999999999999999" is not a whole number$/],
	['an unparsable schedule', { at: 'next tuesday' }, /^Item 1: Schedule At "next tuesday" is not a date and time$/],
	['an impossible date', { at: '2026-13-45T99:00' }, /^Item 1: Schedule At "2026-13-45T99:00" is not a date and time$/],
	['a schedule that is a number', { at: 1790000000 }, /^Item 1: Schedule At \(a number\) is not a date and time$/],
];

describe.each(cases)('%s', (_name, bad, message) => {
	test('fails that item alone, naming item and field, and sends the others', async () => {
		const { items, error } = await sendWithBadMiddle(bad);
		expect(error).toBeUndefined();
		expect(String(items[1].json.error)).toMatch(message);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[0].json.accepted).toBe(true);
		expect(items[2].json.accepted).toBe(true);
		const sent = fixture.bodies('/api/v1/sms/many').flatMap((body) => body.list as IDataObject[]);
		expect(sent.map((entry) => entry.external_id)).toEqual([1, 3]);
	});

	test('without On Error: Continue, stops before anything is sent', async () => {
		const { error } = await sendWithBadMiddle(bad, {}, false);
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('Nothing was sent for this item.');
		expect(fixture.emulator.requests).toHaveLength(0);
	});
});

test('a Default Country Code makes national numbers international, dropping the trunk zero', async () => {
	const { items } = await sendWithBadMiddle({ phone: '07700 900002' }, { defaultCountryCode: '+44' });
	expect(items[1].json).toMatchObject({ to: '+447700900002', accepted: true });
});

test('a Default Country Code that is not a calling code is reported on the item that needs it', async () => {
	const { items } = await sendWithBadMiddle({ phone: '07700 900002' }, { defaultCountryCode: 'UK' });
	expect(items[1].json.error).toBe('Item 1: Default Country Code "UK" is not a calling code');
	expect(items[0].json.accepted).toBe(true);
});

test.each([
	['(+44) 7700-900.002', '+447700900002'],
	['0044 7700 900002', '+447700900002'],
	[447700900002, undefined],
])('the number %p is normalised to %p', async (raw, expected) => {
	const { items } = await sendWithBadMiddle({ phone: raw });
	if (expected) expect(items[1].json).toMatchObject({ to: expected, accepted: true });
	else expect(items[1].json.error).toBe('Item 1: To "447700900002" has no country code');
});
