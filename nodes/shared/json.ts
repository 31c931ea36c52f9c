import type { IDataObject } from 'n8n-workflow';

/** A plain JSON object (not an array, not null), as gateway answers and bodies are read. */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
