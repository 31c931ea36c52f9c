import type { INodeProperties } from 'n8n-workflow';
import type { InvalidEntryEvent, WebhookEvent } from './event';

/** The words that, sent alone, ask a sender to stop messaging (as carriers and regulators use them). */
export const DEFAULT_OPT_OUT_KEYWORDS = ['STOP', 'UNSUBSCRIBE', 'STOPALL', 'CANCEL', 'END', 'QUIT'];

export const optOutKeywordsProperty: INodeProperties = {
	displayName: 'Extra Opt-Out Keywords',
	name: 'optOutKeywords',
	type: 'string',
	default: '',
	placeholder: 'KONEC, ODHLASIT',
	description:
		'Words that mark an incoming SMS as an opt-out (optOut: true), besides STOP, UNSUBSCRIBE, STOPALL, CANCEL, END and QUIT. Separate them with commas. Case, spaces and surrounding punctuation are ignored.',
};

/** Upper case, no spaces, no punctuation around it: "Stop all!" and "STOPALL" are one keyword. */
function normalise(text: string): string {
	return text
		.toUpperCase()
		.replace(/\s+/g, '')
		.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
}

/** The default keywords plus the user's comma- or line-separated list, normalised. */
export function optOutKeywords(extra: unknown): Set<string> {
	const words = typeof extra === 'string' ? extra.split(/[,\n]/) : [];
	return new Set([...DEFAULT_OPT_OUT_KEYWORDS, ...words].map(normalise).filter((word) => word !== ''));
}

/** Inbound events get `optOut`: whether the whole text is one of the keywords. */
export function markOptOut<Event extends WebhookEvent | InvalidEntryEvent>(
	event: Event,
	keywords: Set<string>,
): Event {
	if (event.event !== 'inbound') return event;
	return { ...event, optOut: typeof event.text === 'string' && keywords.has(normalise(event.text)) };
}
