import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, TRANSACTIONAL, czech, czechDigits } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const transactional: INodeParameters = {
	resource: 'message',
	operation: 'sendTransactional',
	number: '={{ $json.to }}',
	text: '={{ $json.text ?? "Hello" }}',
	additionalFields: { country: '={{ $json.country ?? "" }}', schedule: '={{ $json.at ?? "" }}' },
};

async function send(items: IDataObject[]) {
	return await fixture.run(transactional, items, { continueOnFail: true });
}

const sentNumbers = () => fixture.bodies(TRANSACTIONAL).map((body) => body.number);

describe('numbers', () => {
	test('+420 (0) 777 123 457 is sent as 420777123457: the trunk (0) is dropped', async () => {
		const { items } = await send([{ to: '+420 (0) 777 123 457' }]);

		expect(items[0].json).toMatchObject({ accepted: true, to: '+420777123457' });
		expect(sentNumbers()).toEqual(['420777123457']);
	});

	test.each([
		[{ to: '+00420 777 123 457' }],
		[{ to: '000420777123457', country: 'cz' }],
	])('%p would become a number starting with 0 and is refused, nothing sent for it', async (item) => {
		const { items } = await send([{ to: czech(1) }, item]);

		expect(items[1].json).toMatchObject({
			accepted: false,
			status: 'invalid',
			error: `Item 1: Number "${String(item.to)}" has a 0 right after the international prefix`,
		});
		expect(sentNumbers()).toEqual([czechDigits(1)]);
	});
});

describe('the four-part limit follows the real split', () => {
	test.each([
		[
			'612 septets with € at a part boundary need 5 parts',
			`${'a'.repeat(152)}€${'a'.repeat(458)}`,
			'Text is 612 characters long in GSM-7 but needs 5 parts; BulkGate allows 4',
		],
		[
			'268 UTF-16 units with an emoji at a part boundary need 5 parts',
			`${'ж'.repeat(66)}😀${'ж'.repeat(200)}`,
			'Text is 268 characters long in UCS-2 but needs 5 parts; BulkGate allows 4',
		],
	])('%s: refused before sending', async (_case, text, message) => {
		const { items } = await send([{ to: czech(1) }, { to: czech(2), text }]);

		expect(items[1].json).toMatchObject({ status: 'invalid', error: `Item 1: ${message}` });
		expect(String(items[1].json.errorReason)).toContain('never cuts a character');
		expect(sentNumbers()).toEqual([czechDigits(1)]);
	});

	test.each([
		['612 × a', 'a'.repeat(612), 'GSM-7', 612],
		['€ in the middle of 610 septets', `${'a'.repeat(152)}€${'a'.repeat(456)}`, 'GSM-7', 610],
		['268 × ж', 'ж'.repeat(268), 'UCS-2', 268],
	])('%s fits in 4 parts and is sent', async (_case, text, encoding, characters) => {
		const { items } = await send([{ to: czech(3), text }]);

		expect(items[0].json).toMatchObject({ accepted: true, encoding, characters, segments: 4 });
	});
});

test('a number mapped into Text (an OTP) is sent as text; an object stays an item error', async () => {
	const { items } = await send([
		{ to: czech(1), text: 123456 },
		{ to: czech(2), text: { otp: 123456 } },
	]);

	expect(items[0].json).toMatchObject({ accepted: true, characters: 6 });
	expect(fixture.bodies(TRANSACTIONAL).map((body) => body.text)).toEqual(['123456']);
	expect(items[1].json.error).toBe('Item 1: Text is an object, not text');
});

test('Send Promotional: an OTP number as Text is sent as text', async () => {
	const { items } = await fixture.run(
		{ resource: 'message', operation: 'sendPromotional', number: '={{ $json.to }}', text: '={{ $json.text }}' },
		[{ to: czech(4), text: 987654 }],
	);

	expect(items[0].json).toMatchObject({ accepted: true });
	expect(JSON.stringify(fixture.bodies(PROMOTIONAL))).toContain('987654');
});

test.each([
	['+275760-09-13T00:00:00Z', 'Schedule "+275760-09-13T00:00:00Z" is outside the years 2000 to 9999'],
	['2021-06-01T10:00:00Z', 'Schedule 2021-06-01T10:00:00Z is in the past'],
])('the schedule %s is an item error, never sent', async (at, message) => {
	const { items } = await send([{ to: czech(1) }, { to: czech(2), at }]);

	expect(items[1].json).toMatchObject({ status: 'invalid', error: `Item 1: ${message}` });
	expect(sentNumbers()).toEqual([czechDigits(1)]);
	expect(fixture.rawBodies(TRANSACTIONAL).join()).not.toContain('Invalid');
});
