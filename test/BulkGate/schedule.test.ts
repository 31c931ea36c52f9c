import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, PROMOTIONAL, TRANSACTIONAL, czech, czechDigits } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

/** Europe/Prague moves to summer time on 28 March 2027 and back on 31 October 2027. */
const cases = [
	[
		'the day before summer time',
		'2027-03-27T10:00:00',
		'2027-03-27T10:00:00+01:00',
		'2027-03-27T09:00:00.000Z',
	],
	[
		'the first day of summer time',
		'2027-03-28T10:00:00',
		'2027-03-28T10:00:00+02:00',
		'2027-03-28T08:00:00.000Z',
	],
	['a time the clocks skip', '2027-03-28T02:30:00', '2027-03-28T03:30:00+02:00', '2027-03-28T01:30:00.000Z'],
	[
		'the last day of summer time',
		'2027-10-30T10:00:00',
		'2027-10-30T10:00:00+02:00',
		'2027-10-30T08:00:00.000Z',
	],
	[
		'the first day of winter time',
		'2027-10-31T10:00:00',
		'2027-10-31T10:00:00+01:00',
		'2027-10-31T09:00:00.000Z',
	],
	[
		'a UTC time from an expression',
		'2027-06-01T08:00:00Z',
		'2027-06-01T10:00:00+02:00',
		'2027-06-01T08:00:00.000Z',
	],
] as const;

describe('Schedule: n8n date-times become ISO 8601 with the workflow time zone’s offset', () => {
	test('across both DST changes in Europe/Prague (promotional: one request per schedule)', async () => {
		const { items, error } = await fixture.run(
			{
				resource: 'message',
				operation: 'sendPromotional',
				number: '={{ $json.to }}',
				text: 'Reminder',
				additionalFields: { schedule: '={{ $json.at }}' },
			},
			cases.map(([, at], i) => ({ to: czech(i), at })),
			{ timezone: 'Europe/Prague' },
		);
		expect(error).toBeUndefined();
		expect(fixture.bodies(PROMOTIONAL).map((body) => body.schedule)).toEqual(cases.map(([, , sent]) => sent));
		expect(items.map((item) => [item.json.status, item.json.scheduledAt])).toEqual(
			cases.map(([, , , utc]) => ['scheduled', utc]),
		);
		cases.forEach(([, , , utc], i) => {
			expect(fixture.api.sentTo(czechDigits(i))[0].scheduledFor).toBe(Date.parse(utc));
		});
	});

	test('transactional, and the same wall time in another time zone gets that zone’s offset', async () => {
		const run = (timezone: string, i: number) =>
			fixture.run(
				{
					resource: 'message',
					operation: 'sendTransactional',
					number: czech(i),
					text: 'Reminder',
					additionalFields: { schedule: '2027-03-28T10:00:00' },
				},
				[{}],
				{ timezone },
			);
		await run('Europe/Prague', 20);
		await run('America/New_York', 21);
		expect(fixture.bodies(TRANSACTIONAL).map((body) => body.schedule)).toEqual([
			'2027-03-28T10:00:00+02:00',
			'2027-03-28T10:00:00-04:00',
		]);
	});

	test('an ambiguous time when the clocks go back is sent as one definite instant', async () => {
		const { items } = await fixture.run(
			{
				resource: 'message',
				operation: 'sendTransactional',
				number: czech(30),
				text: 'Reminder',
				additionalFields: { schedule: '2027-10-31T02:30:00' },
			},
			[{}],
			{ timezone: 'Europe/Prague' },
		);
		const [body] = fixture.bodies(TRANSACTIONAL);
		expect(body.schedule).toMatch(/^2027-10-31T02:30:00\+0[12]:00$/);
		expect(Date.parse(body.schedule as string)).toBe(Date.parse(items[0].json.scheduledAt as string));
	});
});
