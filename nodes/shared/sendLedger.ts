import type { RecipientResult } from './sendResult';

/**
 * What each send node run has settled, kept in this process so that n8n re-running the node in
 * the same execution (Retry On Fail, or the re-run on an error in the first output item) reuses
 * it instead of sending again. n8n runs an execution's retries in the process that started it,
 * also in queue mode, so memory is the right place; records are keyed by execution, node and run.
 */
export interface SendRecord {
	/** Recipients that earlier tries of this run got accepted. */
	readonly acceptedBefore: number;
	/** The results a slot (an item, or the groups-and-admins request) settled with for `to`, if any. */
	recall(slot: string, to: string): RecipientResult[] | undefined;
	remember(slot: string, to: string, results: RecipientResult[]): void;
	/** n8n will not run this node again in this run: the record is no longer needed. */
	close(): void;
}

interface Entry {
	to: string;
	results: RecipientResult[];
}

interface StoredRun {
	slots: Map<string, Entry>;
	recipients: number;
	usedAt: number;
}

/** n8n waits at most 5 s between at most 5 tries; a record unused for this long is finished with. */
const RECORD_TTL_MS = 30 * 60_000;
/** Upper bounds for all records together; the least recently used go first. */
const MAX_RECORDS = 1_000;
const MAX_RECIPIENTS = 1_000_000;

const runs = new Map<string, StoredRun>();
let storedRecipients = 0;

function drop(key: string): void {
	const run = runs.get(key);
	if (!run) return;
	storedRecipients -= run.recipients;
	runs.delete(key);
}

/** Drops expired records, then the least recently used ones while over a bound (never `keep`). */
function prune(keep: string, now: number): void {
	for (const [key, run] of runs) {
		if (key !== keep && now - run.usedAt > RECORD_TTL_MS) drop(key);
	}
	// A Map iterates in insertion order and every opening re-inserts its record: oldest first.
	for (const key of runs.keys()) {
		if (runs.size <= MAX_RECORDS && storedRecipients <= MAX_RECIPIENTS) break;
		if (key !== keep) drop(key);
	}
}

function stored(key: string, now: number): StoredRun {
	let run = runs.get(key);
	if (!run) {
		run = { slots: new Map(), recipients: 0, usedAt: now };
		runs.set(key, run);
	}
	run.usedAt = now;
	return run;
}

/** The record of one node run; `key` is null when the execution has no ID to key it by. */
export function openSendRecord(key: string | null): SendRecord {
	if (key === null) {
		return { acceptedBefore: 0, recall: () => undefined, remember: () => {}, close: () => {} };
	}
	const now = Date.now();
	const run = stored(key, now);
	// Re-inserted, so that the Map's order stays least recently opened first.
	runs.delete(key);
	runs.set(key, run);
	prune(key, now);
	let acceptedBefore = 0;
	for (const { results } of run.slots.values()) {
		acceptedBefore += results.filter((result) => !result.failure).length;
	}
	return {
		acceptedBefore,
		recall(slot, to) {
			const entry = runs.get(key)?.slots.get(slot);
			return entry?.to === to ? entry.results : undefined;
		},
		remember(slot, to, results) {
			const run = stored(key, Date.now());
			const previous = run.slots.get(slot);
			const added = results.length - (previous?.results.length ?? 0);
			run.slots.set(slot, { to, results });
			run.recipients += added;
			storedRecipients += added;
		},
		close: () => drop(key),
	};
}
