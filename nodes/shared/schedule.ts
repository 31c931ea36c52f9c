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

/** The years both gateways' formats can carry (four digits, and not before either existed). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 9999;
/** A schedule this close behind the clock is "now" (a `{{ $now }}` read a moment before sending). */
const NOW_TOLERANCE_MS = 60_000;

function beyondRange(field: string, shown: string): InvalidInputError {
	return new InvalidInputError(
		field,
		`${field} ${shown} is outside the years ${FIRST_YEAR} to ${LAST_YEAR}`,
		`Pick a date in the field or map an ISO date such as ${EXAMPLE}.`,
	);
}

function inPast(field: string, time: DateTime): InvalidInputError {
	return new InvalidInputError(
		field,
		`${field} ${time.toISO({ suppressMilliseconds: true })} is in the past`,
		'A past time usually means a wrong date, year or time zone, and a sent SMS cannot be called back. Pick a future time, or clear the field to send now.',
	);
}

/**
 * Reads an n8n date-time parameter (ISO string, luxon DateTime or JS Date from an expression)
 * in the workflow's time zone. Empty means "send now", and so does a time at most a minute ago;
 * an earlier time is refused, never sent at once without a word.
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
	const shown = `"${String(value)}"`;
	if (!parsed.isValid) throw invalid(field, shown);
	const local = parsed.setZone(timezone);
	// Luxon reads years up to 275760, where time-zone offsets can no longer be computed.
	if (!local.isValid || !Number.isFinite(local.offset) || local.year < FIRST_YEAR || local.year > LAST_YEAR) {
		throw beyondRange(field, shown);
	}
	const behind = Date.now() - local.toMillis();
	if (behind > NOW_TOLERANCE_MS) throw inPast(field, local);
	return behind > 0 ? undefined : local;
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
