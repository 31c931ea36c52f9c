/**
 * A mapped message value as text: an OTP such as 123456 or a flag arrives from an expression as
 * a number or a boolean, and is sent as written. Anything else is returned as it came, for the
 * caller to refuse when it is not a string.
 */
export function asMessageText(value: unknown): unknown {
	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
		return String(value);
	}
	return value;
}
