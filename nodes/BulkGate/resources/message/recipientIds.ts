import { InvalidInputError } from '../../../shared/invalidInput';

/**
 * Reads BulkGate IDs (admins, address-book groups) from a number, or from text such as "12, 15"
 * as a mapped field gives it. `single` wants exactly one; 0 is the empty number field.
 */
export function readIds(value: unknown, field: string, single = false): number[] {
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((part) => String(part).trim())
		.filter((part) => part !== '' && !(single && part === '0'));
	const hint = single
		? 'Enter the ID as a whole number, such as 154.'
		: 'Enter whole numbers separated by commas, such as 12, 15.';
	if (single && parts.length === 0) throw new InvalidInputError(field, `${field} is empty`, hint);
	if (single && parts.length > 1) {
		throw new InvalidInputError(field, `${field} "${parts.join(', ')}" holds more than one ID`, hint);
	}
	return parts.map((part) => {
		if (!/^\d+$/.test(part) || !Number.isSafeInteger(Number(part)) || Number(part) === 0) {
			throw new InvalidInputError(field, `${field}: "${part}" is not an ID`, hint);
		}
		return Number(part);
	});
}
