import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { InvalidInputError, kindOf } from '../../../shared/invalidInput';
import { itemParameter } from '../../../shared/itemParameters';
import { asMessageText } from '../../../shared/messageText';
import { readSendOptions, type SendOptions } from '../../../shared/options';
import { toE164 } from '../../../shared/phone';
import { parseSchedule, toGmtOffsetSchedule } from '../../../shared/schedule';
import { measureText, type TextMeasure } from '../../../shared/segments';

export interface SmsInput {
	to: string;
	text: string;
	from?: string;
	/** In BulkTextMessage's own format, for the request. */
	scheduled?: string;
	/** ISO 8601 UTC, for the result. */
	scheduledAt: string | null;
	externalId: number | null;
	measure: TextMeasure;
}

export interface SmsSendOptions extends SendOptions {
	defaultCountryCode: string;
}

export function readSmsSendOptions(this: IExecuteFunctions): SmsSendOptions {
	return {
		...readSendOptions.call(this),
		defaultCountryCode: String(this.getNodeParameter('options.defaultCountryCode', 0, '')),
	};
}

/** BulkTextMessage's external_id is an integer; mapped values may arrive as numeric strings. */
export function parseExternalId(value: unknown, field = 'External ID'): number | null {
	if (value === undefined || value === null || value === '') return null;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (text === undefined || !/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
		throw new InvalidInputError(
			field,
			`${field} ${JSON.stringify(value)} is not a whole number`,
			'BulkTextMessage stores external IDs as integers: map a whole number such as 901, or leave the field empty.',
		);
	}
	return Number(text);
}

/** Reads and validates one item's SMS fields; throws InvalidInputError naming the field. */
export function readSmsInput(this: IExecuteFunctions, itemIndex: number, options: SmsSendOptions): SmsInput {
	const to = toE164(itemParameter.call(this, 'to', itemIndex), 'To', options.defaultCountryCode);
	const text = asMessageText(itemParameter.call(this, 'message', itemIndex, ''));
	if (typeof text !== 'string' || text.trim() === '') {
		throw new InvalidInputError(
			'Message',
			typeof text === 'string' ? 'Message is empty' : `Message is ${kindOf(text)}, not text`,
			'Write the text of the SMS or map a text field into "Message".',
		);
	}
	const field = (name: string) => itemParameter.call(this, `additionalFields.${name}`, itemIndex, '');
	const schedule = parseSchedule(field('scheduledAt'), 'Schedule At', this.getTimezone());
	const sender = field('from');
	const from = typeof sender === 'string' && sender.trim() !== '' ? sender.trim() : undefined;
	return {
		to,
		text,
		from,
		scheduled: schedule ? toGmtOffsetSchedule(schedule) : undefined,
		scheduledAt: schedule ? schedule.toUTC().toISO() : null,
		externalId: parseExternalId(field('externalId')),
		measure: measureText(text),
	};
}

/** Drops unset optional fields so the request carries only what the user gave. */
export function compact(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}
