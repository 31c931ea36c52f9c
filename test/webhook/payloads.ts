import type { IDataObject } from 'n8n-workflow';

/** The fields every trigger item has (DESIGN.md, "Trigger event"). */
export const EVENT_FIELDS = [
	'provider',
	'event',
	'messageId',
	'externalId',
	'to',
	'from',
	'text',
	'status',
	'statusCode',
	'channel',
	'price',
	'createdAt',
	'sentAt',
	'deliveredAt',
	'receivedAt',
	'raw',
];

/** A BulkGate report as the single (GET) form sends it: every value a string. */
export function bulkGateReport(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		status: '1',
		smsID: '3t2563af3ff285',
		to: '420777777777',
		price: '0.71',
		channel: 'sms',
		date: '2604111007;2604111011',
		...overrides,
	};
}

/** A BulkTextMessage SMS object as its API returns it. */
export function sms(overrides: IDataObject = {}): IDataObject {
	return {
		id: 4711,
		content: 'Your order has shipped',
		number: '+15555550100',
		direction: 'sending',
		status: 'delivered',
		external_id: 42,
		created: { date: '2026-04-11 10:07:05.000000', timezone: 'UTC', timezone_type: 3 },
		...overrides,
	};
}

/** A Czech wall-clock time: year, month, day, hour, minute, and the UTC offset in force then
 * (+1 for CET in winter, +2 for CEST in summer). */
export type CzechTime = readonly [number, number, number, number, number, 1 | 2];

export function czechTimeAsUtc([year, month, day, hour, minute, offsetHours]: CzechTime): string {
	return new Date(Date.UTC(year, month - 1, day, hour - offsetHours, minute)).toISOString();
}
