import { splitPhoneNumber, toGatewayDigits } from '../../../shared/phone';

/** A recipient's number as BulkGate gets it, and as the output shows it until BulkGate answers. */
export interface RecipientNumber {
	/** Digits only, as BulkGate wants them. */
	number: string;
	/**
	 * E.164. A national number sent with a Country stays as sent: BulkGate adds the country's
	 * prefix, and its answer (the `to` of an accepted or refused recipient) has the full number.
	 */
	to: string;
}

export function readRecipientNumber(value: unknown, hasCountry: boolean): RecipientNumber {
	const number = toGatewayDigits(value, 'Number', hasCountry);
	const national = hasCountry && !splitPhoneNumber(value, 'Number').international;
	return { number, to: national ? number : `+${number}` };
}
