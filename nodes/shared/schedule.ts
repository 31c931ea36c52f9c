import { DateTime } from 'luxon';
import { InvalidInputError, kindOf } from './invalidInput';

const EXAMPLE = '2026-12-24T09:30';

function invalid(field: string, shown: string): InvalidInputError {
	return new InvalidInputError(
		field,
		`${field} ${shown} is not a date and time`,
		`Pick a date in the field or map an ISO date such as ${EXAMPLE}; times without an offset are read in the workflow's time zone.`,
	);
}

/**
 * Reads an n8n date-time parameter (ISO string, luxon DateTime or JS Date from an expression)
 * in the workflow's time zone. Empty means "send now".
 */
export function parseSchedule(value: unknown, field: string, timezone: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: DateTime;
	if (DateTime.isDateTime(value)) {
		parsed = value;
	} else if (value instanceof Date) {
		parsed = DateTime.fromJSDate(value);
	} else if (typeof value === 'string') {
		const text = value.trim();
		parsed = DateTime.fromISO(text, { zone: timezone, setZone: true });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone: timezone, setZone: true });
	} else {
		throw invalid(field, `(${kindOf(value)})`);
	}
	if (!parsed.isValid) throw invalid(field, `"${String(value)}"`);
	return parsed.setZone(timezone);
}

/** `yyyy/MM/dd HH:mm GMT±H[:MM]`, the form BulkTextMessage documents (`2016/06/26 10:00 GMT-5`). */
export function toGmtOffsetSchedule(time: DateTime): string {
	const offset = time.offset;
	const sign = offset < 0 ? '-' : '+';
	const hours = Math.floor(Math.abs(offset) / 60);
	const minutes = Math.abs(offset) % 60;
	const zone = minutes === 0 ? `${hours}` : `${hours}:${String(minutes).padStart(2, '0')}`;
	return `${time.toFormat('yyyy/MM/dd HH:mm')} GMT${sign}${zone}`;
}

/** ISO 8601 with the zone's offset, seconds precision (`2026-03-29T03:30:00+02:00`). */
export function toIsoSchedule(time: DateTime): string {
	return time.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}
