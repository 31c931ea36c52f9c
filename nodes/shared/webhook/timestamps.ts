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

/**
 * A zone as PHP writes it: a name (`Europe/London`, `UTC`) or, for a fixed offset, `+05:00`,
 * `-0330` or `Z`; luxon reads offsets only as `UTC+5:00`.
 */
function luxonZone(zone: string): string {
	const name = zone.trim();
	if (/^z$/i.test(name)) return 'UTC';
	const offset = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(name);
	if (!offset) return name;
	return `UTC${offset[1]}${Number(offset[2])}:${offset[3] ?? '00'}`;
}

/** `YYYY-MM-DD HH:mm:ss[.ffffff]` in the given zone (UTC by default), as ISO 8601 UTC. */
export function fromSqlTimestamp(value: string | null, zone = 'UTC'): string | null {
	if (value === null) return null;
	return isoUtc(DateTime.fromSQL(value.trim(), { zone: luxonZone(zone) }));
}
