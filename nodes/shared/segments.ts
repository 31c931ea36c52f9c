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

function gsmSeptets(text: string): number | undefined {
	let septets = 0;
	for (const char of text) {
		if (GSM_BASIC.has(char)) septets += 1;
		else if (GSM_EXTENDED.has(char)) septets += 2;
		else return undefined;
	}
	return septets;
}

/** `forceUnicode` measures as UCS-2 even when GSM-7 could hold the text (the user turned Unicode on). */
export function measureText(text: string, forceUnicode = false): TextMeasure {
	const septets = forceUnicode ? undefined : gsmSeptets(text);
	const encoding: SmsEncoding = septets === undefined ? 'UCS-2' : 'GSM-7';
	const characters = septets ?? text.length;
	const segments =
		characters === 0
			? 0
			: characters <= SINGLE[encoding]
				? 1
				: Math.ceil(characters / CONCATENATED[encoding]);
	return { encoding, characters, segments };
}
