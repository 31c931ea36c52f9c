/** Separators people and gateways put in numbers; none of them is part of the number. */
const SEPARATORS = /[\s\-()./]/g;

/**
 * A number a gateway sent, in the E.164 form every output uses (`+420777123456`). Gateways
 * write international numbers with or without `+` (BulkGate never sends it); a value that is
 * not such a number (an alphanumeric sender, say) is kept as it came. The item's `raw` keeps
 * the gateway's own spelling either way.
 */
export function e164(value: string | number | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	const text = String(value).trim();
	if (text === '') return null;
	const compact = text.replace(SEPARATORS, '');
	const digits = compact.replace(/^(\+|00)/, '');
	return /^[1-9]\d{5,14}$/.test(digits) ? `+${digits}` : text;
}
