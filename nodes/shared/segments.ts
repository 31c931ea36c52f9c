/** The GSM 03.38 default alphabet: one septet each. */
const GSM_BASIC = new Set(
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Reached through the escape code, so each costs two septets. */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface TextMeasure {
	encoding: SmsEncoding;
	/** Length as the network counts it: septets for GSM-7, UTF-16 code units for UCS-2. */
	characters: number;
	segments: number;
}

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const CONCATENATED = { 'GSM-7': 153, 'UCS-2': 67 } as const;

/** Septets a character takes in GSM-7, or undefined when GSM-7 cannot hold it. */
function septets(char: string): number | undefined {
	if (GSM_BASIC.has(char)) return 1;
	if (GSM_EXTENDED.has(char)) return 2;
	return undefined;
}

/** Units a character takes: septets in GSM-7, UTF-16 code units (2 for a surrogate pair) in UCS-2. */
function units(char: string, encoding: SmsEncoding): number {
	return encoding === 'GSM-7' ? (septets(char) as number) : char.length;
}

function fitsGsm(text: string): boolean {
	for (const char of text) if (septets(char) === undefined) return false;
	return true;
}

/**
 * Parts as the network cuts a long text: each holds up to `size` units, and a character never
 * straddles two parts (a GSM-7 escape pair or a UTF-16 surrogate pair that does not fit starts
 * the next part), so a part can end one unit short.
 */
function countParts(text: string, encoding: SmsEncoding): number {
	const size = CONCATENATED[encoding];
	let parts = 1;
	let filled = 0;
	for (const char of text) {
		const cost = units(char, encoding);
		if (filled + cost > size) {
			parts++;
			filled = 0;
		}
		filled += cost;
	}
	return parts;
}

/** `forceUnicode` measures as UCS-2 even when GSM-7 could hold the text (the user turned Unicode on). */
export function measureText(text: string, forceUnicode = false): TextMeasure {
	const encoding: SmsEncoding = !forceUnicode && fitsGsm(text) ? 'GSM-7' : 'UCS-2';
	let characters = text.length;
	if (encoding === 'GSM-7') {
		characters = 0;
		for (const char of text) characters += units(char, encoding);
	}
	const segments =
		characters === 0 ? 0 : characters <= SINGLE[encoding] ? 1 : countParts(text, encoding);
	return { encoding, characters, segments };
}
