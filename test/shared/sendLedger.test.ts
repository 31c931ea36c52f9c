import { openSendRecord } from '../../nodes/shared/sendLedger';
import type { RecipientResult } from '../../nodes/shared/sendResult';

/** The record's bounds in time and size; the engine tests prove what it is for. */
const accepted = (itemIndex: number): RecipientResult[] => [
	{ itemIndex, json: { accepted: true, messageId: itemIndex } as RecipientResult['json'] },
];

afterEach(() => jest.useRealTimers());

test('a record unused for 30 minutes is dropped when another run opens one', () => {
	jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
	openSendRecord('old').remember('item 0', '+1', accepted(0));
	jest.setSystemTime(new Date('2026-12-01T10:29:00Z'));
	openSendRecord('other');
	expect(openSendRecord('old').recall('item 0', '+1')).toEqual(accepted(0));
	jest.setSystemTime(new Date('2026-12-01T11:00:00Z'));
	openSendRecord('other');
	expect(openSendRecord('old').recall('item 0', '+1')).toBeUndefined();
});

test('at most 1,000 records: the least recently opened goes first', () => {
	openSendRecord('first').remember('item 0', '+1', accepted(0));
	openSendRecord('second').remember('item 0', '+2', accepted(0));
	for (let run = 0; run < 999; run++) openSendRecord(`filler ${run}`);
	expect(openSendRecord('second').recall('item 0', '+2')).toEqual(accepted(0));
	expect(openSendRecord('first').recall('item 0', '+1')).toBeUndefined();
});

test('a recipient is recalled only for the same number, and a closed record is gone', () => {
	const record = openSendRecord('run');
	record.remember('item 3', '+44', accepted(3));
	expect(openSendRecord('run').recall('item 3', '+45')).toBeUndefined();
	expect(openSendRecord('run').acceptedBefore).toBe(1);
	record.close();
	expect(openSendRecord('run').recall('item 3', '+44')).toBeUndefined();
});
