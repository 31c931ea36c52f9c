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
