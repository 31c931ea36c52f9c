import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { InvalidInputError } from '../../../shared/invalidInput';
import { SENDER_TYPES_WITH_VALUE } from './channelFields';

export type UnicodeMode = 'auto' | 'off' | 'on';

/** The user's channel cascade; the SMS entry gets its `unicode` once the text is measured. */
export interface ChannelPlan {
	entries: Array<[string, IDataObject]>;
	unicode: UnicodeMode;
}

const FIELD = 'Channels';

function invalid(message: string, hint: string): InvalidInputError {
	return new InvalidInputError(FIELD, `${FIELD}: ${message}`, hint);
}

function text(value: unknown): string {
	return typeof value === 'string'
		? value.trim()
		: value === undefined || value === null
			? ''
			: String(value);
}

function smsEntry(settings: IDataObject): IDataObject {
	const senderId = text(settings.senderIdType) || 'gSystem';
	const entry: IDataObject = { sender_id: senderId };
	if (SENDER_TYPES_WITH_VALUE.includes(senderId)) {
		const value = text(settings.senderIdValue);
		if (value === '') {
			throw invalid(
				`SMS sender ID type ${senderId} needs a Sender ID Value`,
				'Fill in Sender ID Value, or choose System Number (gSystem).',
			);
		}
		if (senderId === 'gText' && (value.length < 3 || value.length > 11)) {
			throw invalid(
				`SMS sender text "${value}" has ${value.length} characters`,
				'A text sender (gText) has 3 to 11 characters.',
			);
		}
		entry.sender_id_value = value;
	}
	return entry;
}

function viberEntry(settings: IDataObject): IDataObject {
	const sender = text(settings.sender);
	if (sender === '') {
		throw invalid("the Viber channel's Sender is empty", 'Enter your Viber sender name as registered with BulkGate.');
	}
	const expiration = Number(settings.expiration ?? 120);
	if (!Number.isInteger(expiration) || expiration < 60) {
		throw invalid(
			`the Viber channel's Expiration ${String(settings.expiration)} is not a whole number of seconds from 60 up`,
			'Give the seconds BulkGate waits for Viber before the next channel, at least 60.',
		);
	}
	const entry: IDataObject = { sender, expiration };
	const viberText = text(settings.text);
	if (viberText !== '') entry.text = viberText;
	const caption = text(settings.buttonCaption);
	const url = text(settings.buttonUrl);
	if (caption !== '' || url !== '') {
		if (caption === '' || url === '') {
			throw invalid(
				'the Viber button needs both a Button Caption and a Button URL',
				'Fill in both, or leave both empty.',
			);
		}
		if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
			throw invalid(
				`the Viber channel's Button URL "${url}" is not a web address`,
				'Use a full address such as https://example.com/offer.',
			);
		}
		entry.button = { caption, url };
	}
	return entry;
}

const UNICODE_MODES: UnicodeMode[] = ['auto', 'off', 'on'];

function readUnicode(value: unknown): UnicodeMode {
	const mode = text(value) || 'auto';
	if (!UNICODE_MODES.includes(mode as UnicodeMode)) {
		throw invalid(
			`SMS Unicode "${mode}" is not Auto, Off or On`,
			'Choose Auto, Off or On, or map auto, off or on.',
		);
	}
	return mode as UnicodeMode;
}

/** Reads the Channels list of one item; an SMS entry is added last when the user did not list one. */
export function readChannels(this: IExecuteFunctions, itemIndex: number): ChannelPlan {
	const listed = itemParameter.call(this, 'channels.channel', itemIndex, []) as IDataObject[];
	const entries: Array<[string, IDataObject]> = [];
	let unicode: UnicodeMode = 'auto';
	for (const settings of listed) {
		const type = text(settings.type) || 'sms';
		if (entries.some(([key]) => key === type)) {
			throw invalid(
				`${type === 'sms' ? 'SMS' : 'Viber'} is listed twice`,
				'List each channel once, in the order BulkGate should try them.',
			);
		}
		if (type === 'sms') {
			entries.push(['sms', smsEntry(settings)]);
			unicode = readUnicode(settings.unicode);
		} else if (type === 'viber') {
			entries.push(['viber', viberEntry(settings)]);
		} else {
			throw invalid(`unknown channel "${type}"`, 'Choose SMS or Viber.');
		}
	}
	// BulkGate falls back to SMS anyway; listing it lets the node set `unicode` from the text.
	if (!entries.some(([key]) => key === 'sms')) entries.push(['sms', { sender_id: 'gSystem' }]);
	return { entries, unicode };
}

/** The `channel` object; its key order is the cascade order. */
export function channelObject(plan: ChannelPlan, unicode: boolean): IDataObject {
	const channel: IDataObject = {};
	for (const [key, settings] of plan.entries) {
		channel[key] = key === 'sms' ? { ...settings, unicode } : { ...settings };
	}
	return channel;
}
