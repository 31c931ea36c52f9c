import { InvalidInputError, kindOf } from './invalidInput';

/** Characters people put in phone numbers for readability. */
const SEPARATORS = /[\s\-()./]/g;
/** `+44 (0) 7700 …`: the national trunk 0 some people write after the country code. */
const TRUNK_AFTER_COUNTRY_CODE = /^(\s*(?:\+|00)\s*\d[\d\s\-./]*?)\(\s*0\s*\)/;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

export interface SplitPhoneNumber {
	digits: string;
	/** The number came with `+` or `00`, so it already carries its country code. */
	international: boolean;
}

/** Cleans a phone number typed or mapped by a user and checks it is digits of a sane length. */
export function splitPhoneNumber(value: unknown, field: string): SplitPhoneNumber {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (text !== undefined && text !== null && typeof text !== 'string') {
		throw new InvalidInputError(
			field,
			`${field} is ${kindOf(text)}, not a phone number`,
			`Map a single phone number such as +44 7700 900123 into "${field}".`,
		);
	}
	if (typeof text !== 'string' || text.trim() === '') {
		throw new InvalidInputError(
			field,
			`${field} is empty`,
			`Map a phone number such as +44 7700 900123 into "${field}".`,
		);
	}
	const compact = text.replace(TRUNK_AFTER_COUNTRY_CODE, '$1').replace(SEPARATORS, '');
	let digits = compact;
	let international = false;
	if (compact.startsWith('+')) {
		digits = compact.slice(1);
		international = true;
	} else if (compact.startsWith('00')) {
		digits = compact.slice(2);
		international = true;
	}
	if (!/^\d+$/.test(digits)) {
		throw new InvalidInputError(
			field,
			`${field} "${text}" is not a phone number`,
			'Use digits only, optionally starting with + and separated by spaces, dashes or brackets.',
		);
	}
	// `+0044…` or `000044…`: the prefix was written twice, so the number would start with 0.
	if (international && digits.startsWith('0')) {
		throw new InvalidInputError(
			field,
			`${field} "${text}" has a 0 right after the international prefix`,
			'Country codes never start with 0: write the number once with + or 00, for example +44 7700 900123 or 0044 7700 900123.',
		);
	}
	return { digits, international };
}

function checkLength(digits: string, original: unknown, field: string): void {
	if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
		throw new InvalidInputError(
			field,
			`${field} "${String(original)}" has ${digits.length} digits`,
			`International phone numbers have ${MIN_DIGITS} to ${MAX_DIGITS} digits including the country code.`,
		);
	}
}

/** Turns a user's calling-code option ("+44", "0044", "44") into digits, or '' when unset. */
export function callingCodeDigits(value: string): string {
	const digits = value.trim().replace(/^(\+|00)/, '');
	if (digits === '') return '';
	// Calling codes never start with 0: "+044" would put a 0 after the + of every number.
	if (!/^[1-9]\d{0,3}$/.test(digits)) {
		throw new InvalidInputError(
			'Default Country Code',
			`Default Country Code "${value}" is not a calling code`,
			'Enter the country calling code, for example +44 or +1.',
		);
	}
	return digits;
}

/**
 * E.164 form (`+447700900123`). A national number needs a default calling code; its trunk
 * zeros are dropped before the code is put in front.
 */
export function toE164(value: unknown, field: string, defaultCallingCode: string): string {
	const { digits, international } = splitPhoneNumber(value, field);
	let full = digits;
	if (!international) {
		const callingCode = callingCodeDigits(defaultCallingCode);
		if (callingCode === '') {
			throw new InvalidInputError(
				field,
				`${field} "${String(value)}" has no country code`,
				'Write it in international format (+44 7700 900123) or set Options → Default Country Code.',
			);
		}
		full = callingCode + digits.replace(/^0+/, '');
	}
	checkLength(full, value, field);
	return `+${full}`;
}

/**
 * Digits only, as BulkGate wants them. With a country set, a number without `+`/`00` is national
 * and BulkGate adds the prefix; without one it is read as international digits.
 */
export function toGatewayDigits(value: unknown, field: string, hasCountry: boolean): string {
	const { digits, international } = splitPhoneNumber(value, field);
	if (!international && hasCountry) {
		const national = digits.replace(/^0+/, '');
		if (national.length < 4 || national.length > MAX_DIGITS) checkLength(national, value, field);
		return national;
	}
	// International numbers never start with 0: this one is national and needs a country.
	if (!international && digits.startsWith('0')) {
		throw new InvalidInputError(
			field,
			`${field} "${String(value)}" has no country code`,
			'Write it in international format (+420 777 123 456) or set Country.',
		);
	}
	checkLength(digits, value, field);
	return digits;
}
