import type { IDataObject } from 'n8n-workflow';
import { kindOf } from '../invalidInput';
import { EntryRejection } from './rejection';
import { isPlainObject } from './request';

/**
 * Reads the fields of one entry. Gateways send values as strings (query, form) or as JSON
 * values; both read the same. A field that is an object or a list where one value belongs
 * makes the entry malformed. `index` is the entry's place in the call, counted from 0.
 */
export class EntryFields {
	constructor(
		readonly entry: IDataObject,
		private readonly index: number,
	) {}

	reject(problem: string): never {
		throw new EntryRejection(`Entry ${this.index}: ${problem}`);
	}

	private single(key: string, value: unknown): string | null {
		if (value === undefined || value === null || value === '') return null;
		if (typeof value === 'string') return value;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		return this.reject(`"${key}" is ${kindOf(value)}, not a single value`);
	}

	/** The first of the keys that has a value. */
	text(...keys: string[]): string | null {
		for (const key of keys) {
			const value = this.single(key, this.entry[key]);
			if (value !== null) return value;
		}
		return null;
	}

	/** `outer.inner` from a JSON body, or the flat `outer[inner]` key a form body has. */
	nestedText(outer: string, inner: string): string | null {
		const container = this.entry[outer];
		if (isPlainObject(container)) return this.single(`${outer}.${inner}`, container[inner]);
		return this.text(`${outer}[${inner}]`);
	}

	/** A number where the value is numeric, else null (the raw entry still has it). */
	number(key: string): number | null {
		const value = this.text(key);
		if (value === null || value.trim() === '') return null;
		const parsed = Number(value);
		return Number.isFinite(parsed) ? parsed : null;
	}

	/** Numeric ids become numbers so they equal the ids the send operations output. */
	identifier(key: string): string | number | null {
		const value = this.text(key);
		if (value === null) return null;
		const trimmed = value.trim();
		return /^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : value;
	}

	/** The object under `key` when the entry wraps it (`{ data: {...} }`), else this entry. */
	unwrap(key: string): EntryFields {
		const inner = this.entry[key];
		if (inner === undefined) return this;
		if (!isPlainObject(inner)) return this.reject(`"${key}" is ${kindOf(inner)}, not an object`);
		return new EntryFields(inner, this.index);
	}
}
