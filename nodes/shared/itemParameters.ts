import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { isObject } from './json';

/** `={{ $json.phone }}` or `={{ $json.customer.phone }}`: a mapped field, the usual per-item value. */
const FIELD_REFERENCE = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*)+)\s*\}\}$/;

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	return isObject(value) && Object.values(value).some(hasExpression);
}

/** The field's value when every step is an own property of a plain object, else undefined. */
function readField(json: unknown, path: string[]): unknown {
	let value = json;
	for (const key of path) {
		if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = value[key];
	}
	return value;
}

class ItemParameters {
	private readonly constants = new Map<string, unknown>();

	private readonly fieldPaths = new Map<string, string[] | undefined>();

	private readonly items: INodeExecutionData[];

	constructor(private readonly context: IExecuteFunctions) {
		this.items = context.getInputData();
	}

	get(path: string, itemIndex: number, fallback: unknown): unknown {
		if (this.constants.has(path)) return this.constants.get(path);
		if (!this.fieldPaths.has(path)) this.fieldPaths.set(path, this.fieldPathOf(path));
		const fieldPath = this.fieldPaths.get(path);
		if (fieldPath) {
			const value = readField(this.items[itemIndex]?.json, fieldPath);
			if (value !== undefined) return value;
		}
		const value = this.context.getNodeParameter(path, itemIndex, fallback as IDataObject);
		if (!hasExpression(this.raw(path))) this.constants.set(path, value);
		return value;
	}

	private raw(path: string): unknown {
		return readField(this.context.getNode().parameters, path.split('.'));
	}

	private fieldPathOf(path: string): string[] | undefined {
		const raw = this.raw(path);
		const match = typeof raw === 'string' ? FIELD_REFERENCE.exec(raw) : null;
		return match ? match[1].slice(1).split('.') : undefined;
	}
}

const readers = new WeakMap<IExecuteFunctions, ItemParameters>();

/**
 * A node parameter for one item, as getNodeParameter returns it, with two shortcuts that matter
 * when thousands of items are sent (n8n evaluates each expression in about 0.1 ms): a parameter
 * without expressions is the same for every item, so it is read once; and a plain field
 * reference such as {{ $json.phone }} is read from the item. Anything else, and a reference to a
 * field the item does not have, goes through n8n's evaluator, errors included. Values are shared
 * between items: read them, never change them.
 */
export function itemParameter(
	this: IExecuteFunctions,
	path: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	let reader = readers.get(this);
	if (!reader) {
		reader = new ItemParameters(this);
		readers.set(this, reader);
	}
	return reader.get(path, itemIndex, fallback);
}
