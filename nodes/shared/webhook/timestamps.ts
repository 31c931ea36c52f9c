import { DateTime } from 'luxon';

function isoUtc(time: DateTime): string | null {
	return time.isValid ? time.toUTC().toISO() : null;
}

// Time-zone lookups cost tens of microseconds each, and a bulk call repeats the same few
// minutes thousands of times: remember recent conversions (bounded, so memory stays flat).
const pragueMinutes = new Map<string, string | null>();
const REMEMBERED_MINUTES = 10_000;

function convertPragueMinute(value: string): string | null {
	const [year, month, day, hour, minute] = (value.match(/\d\d/g) ?? []).map(Number);
	return isoUtc(
		DateTime.fromObject({ year: 2000 + year, month, day, hour, minute }, { zone: 'Europe/Prague' }),
	);
}

/**
 * BulkGate report times: `YYMMDDhhmm` in Czech local time (CET in winter, CEST in summer),
 * as ISO 8601 UTC. Null when the value is not such a time.
 */
export function fromPragueMinute(value: string | null): string | null {
	const minute = value?.trim() ?? '';
	if (!/^\d{10}$/.test(minute)) return null;
	let iso = pragueMinutes.get(minute);
	if (iso === undefined) {
		iso = convertPragueMinute(minute);
		if (pragueMinutes.size >= REMEMBERED_MINUTES) pragueMinutes.clear();
		pragueMinutes.set(minute, iso);
	}
	return iso;
}

/** `YYYY-MM-DD HH:mm:ss[.ffffff]` in the given zone (UTC by default), as ISO 8601 UTC. */
export function fromSqlTimestamp(value: string | null, zone = 'UTC'): string | null {
	if (value === null) return null;
	return isoUtc(DateTime.fromSQL(value.trim(), { zone }));
}
