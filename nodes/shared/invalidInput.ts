import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Bad input found before anything is sent. The send pipeline turns it into an error on the
 * item it came from, naming the field, so the user can fix the mapping.
 */
export class InvalidInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint: string,
	) {
		super(message);
		this.name = 'InvalidInputError';
	}
}

/** "an object", "a list", "a number"… for messages about values of the wrong type. */
export function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'empty (null)';
	const type = typeof value;
	return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * The error an item gets when reading it failed: bad input names the item, the field and what to
 * do, and `notDone` says what was not sent or created for it; anything else keeps its message.
 */
export function itemInputError(
	node: INode,
	itemIndex: number,
	error: unknown,
	notDone: string,
): NodeOperationError {
	if (!(error instanceof InvalidInputError)) return new NodeOperationError(node, error as Error, { itemIndex });
	return new NodeOperationError(node, `Item ${itemIndex}: ${error.message}`, {
		itemIndex,
		description: `${error.hint} ${notDone}`,
	});
}
