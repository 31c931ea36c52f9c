import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { InvalidInputError, kindOf } from '../../../shared/invalidInput';
import { asMessageText } from '../../../shared/messageText';
import { parseSchedule, toIsoSchedule } from '../../../shared/schedule';
import { measureText, type TextMeasure } from '../../../shared/segments';
import { channelObject, readChannels, type UnicodeMode } from './channels';

/** BulkGate's limits: four concatenated parts of 153 GSM-7 or 67 UCS-2 characters. */
const MAX_CHARACTERS = { 'GSM-7': 612, 'UCS-2': 268 } as const;
const MAX_PARTS = 4;

/** What every message has, whoever receives it: text, channels and when and where it goes. */
export interface MessageInput {
	text: string;
	variables?: IDataObject;
	/** Request-level fields in BulkGate's names, in the order they are sent. */
	settings: IDataObject;
	scheduledAt: string | null;
	measure: TextMeasure;
}

function readVariables(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const listed = itemParameter.call(this, 'variables.variable', itemIndex, []) as IDataObject[];
	if (listed.length === 0) return undefined;
	const variables: IDataObject = {};
	for (const { name, value } of listed) {
		const key = typeof name === 'string' ? name.trim() : '';
		if (!/^[\w.-]+$/.test(key)) {
			throw new InvalidInputError(
				'Variables',
				`Variables: name ${JSON.stringify(name ?? '')} is not a variable name`,
				'Use letters, digits and underscores, as in <first_name>, and write the name without the angle brackets.',
			);
		}
		if (key in variables) {
			throw new InvalidInputError(
				'Variables',
				`Variables: "${key}" is given twice`,
				'Give each variable once.',
			);
		}
		if (typeof value === 'object' && value !== null) {
			throw new InvalidInputError(
				'Variables',
				`Variables: the value of "${key}" is ${kindOf(value)}, not text`,
				'Map a text or a number, for example {{ $json.name }}.',
			);
		}
		variables[key] = typeof value === 'number' || typeof value === 'string' ? value : String(value ?? '');
	}
	return variables;
}

/** What the recipient will read, for measuring: BulkGate puts the variables in place of `<name>`. */
function substitute(text: string, variables: IDataObject | undefined): string {
	if (!variables) return text;
	return text.replace(/<([\w.-]+)>/g, (whole, name: string) =>
		name in variables ? String(variables[name]) : whole,
	);
}

function measure(text: string, unicode: UnicodeMode, field: string): TextMeasure {
	const measured = measureText(text, unicode === 'on');
	if (unicode === 'off' && measured.encoding === 'UCS-2') {
		throw new InvalidInputError(
			field,
			`${field} has characters GSM-7 cannot hold, but Unicode is Off`,
			'Set Unicode to Auto or On in the SMS channel, or remove characters such as emoji and accented letters outside GSM-7.',
		);
	}
	const limit = MAX_CHARACTERS[measured.encoding];
	if (measured.characters > limit) {
		throw new InvalidInputError(
			field,
			`${field} is ${measured.characters} characters long in ${measured.encoding}; BulkGate allows ${limit}`,
			`Shorten the text to ${limit} characters${measured.encoding === 'UCS-2' ? ' (Unicode: emoji and characters outside GSM-7 make the limit 268)' : ''}.`,
		);
	}
	// A character is never cut across parts, so a text at the limit can need a fifth part.
	if (measured.segments > MAX_PARTS) {
		throw new InvalidInputError(
			field,
			`${field} is ${measured.characters} characters long in ${measured.encoding} but needs ${measured.segments} parts; BulkGate allows ${MAX_PARTS}`,
			'The network never cuts a character such as € or an emoji across two parts, so a part can end one character short. Shorten the text by a few characters.',
		);
	}
	return measured;
}

/** Country as BulkGate takes it (lower-case ISO code), or undefined when the field is empty. */
export function readCountry(value: unknown): string | undefined {
	const country =
		typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	if (country === '') return undefined;
	if (!/^[a-z]{2}$/i.test(country)) {
		throw new InvalidInputError(
			'Country',
			`Country "${country}" is not a two-letter country code`,
			'Use the ISO 3166-1 alpha-2 code, such as CZ or GB, or leave Country empty.',
		);
	}
	return country.toLowerCase();
}

/**
 * Reads one item's text, variables, channels, country and schedule; throws InvalidInputError
 * naming the field. `textField` is the parameter holding the text.
 */
export function readMessageInput(
	this: IExecuteFunctions,
	itemIndex: number,
	textField: { name: string; displayName: string; withVariables: boolean },
): MessageInput {
	const text = asMessageText(itemParameter.call(this, textField.name, itemIndex, ''));
	if (typeof text !== 'string' || text.trim() === '') {
		throw new InvalidInputError(
			textField.displayName,
			typeof text === 'string'
				? `${textField.displayName} is empty`
				: `${textField.displayName} is ${kindOf(text)}, not text`,
			`Write the message or map a text field into "${textField.displayName}".`,
		);
	}
	const variables = textField.withVariables ? readVariables.call(this, itemIndex) : undefined;
	const plan = readChannels.call(this, itemIndex);
	const measured = measure(substitute(text, variables), plan.unicode, textField.displayName);

	const fields = itemParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;
	const country = readCountry(fields.country);
	const schedule = parseSchedule(fields.schedule, 'Schedule', this.getTimezone());
	const settings: IDataObject = { channel: channelObject(plan, measured.encoding === 'UCS-2') };
	if (country) settings.country = country;
	if (schedule) settings.schedule = toIsoSchedule(schedule);
	return {
		text,
		variables,
		settings,
		scheduledAt: schedule ? schedule.toUTC().toISO() : null,
		measure: measured,
	};
}
