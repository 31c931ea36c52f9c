import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, ServiceHandler } from './types';

type Body = Record<string, unknown>;

export interface BgMessage {
	messageId: string;
	endpoint: 'transactional' | 'promotional';
	number: string;
	/** The text as delivered: variables filled in. */
	text: string;
	unicode: boolean;
	/** Channel keys in the order of the request's `channel` object. */
	channels: string[];
	channel: Body;
	schedule: unknown;
	scheduledFor: number | null;
	tag: string | null;
	parts: number;
	status: 'accepted' | 'scheduled';
	createdAt: number;
}

/** The prefixes BulkGate adds to national numbers for the countries the tests use. */
const CALLING_CODES: Record<string, string> = { at: '43', cz: '420', de: '49', gb: '44', sk: '421', us: '1' };

const CHANNEL_KEYS = new Set(['sms', 'viber', 'rcs', 'whatsapp']);
const SENDER_IDS = new Set(['gSystem', 'gShort', 'gText', 'gMobile', 'gPush', 'gOwn', 'gProfile']);
const STATUSES = [
	'sent',
	'accepted',
	'scheduled',
	'error',
	'blacklisted',
	'invalid_number',
	'invalid_sender',
	'duplicity_message',
];

/** The documented errors this emulator gives, with BulkGate's wording. */
const ERRORS = {
	unknown_identity: [401, 'Unknown identity / unauthorized / empty application_id'],
	banned: [403, 'Account is blocked'],
	invalid_numeric_sender: [400, 'Own sender not validated'],
	empty_message: [400, 'Message text is empty'],
	invalid_phone_number: [400, 'Invalid phone number'],
	admin_not_found: [400, 'Admin not found'],
	no_recipients: [400, 'Total recipients of bulk message is 0'],
	low_credit: [400, 'Insufficient funds'],
	method_not_allowed: [405, 'HTTP method is not allowed'],
	unknown_action: [400, 'Unknown API action (Transactional/Bulk SMS)'],
	unsupported_api_version: [400, 'Unknown/Deprecated API version'],
	unknown: [400, 'Unknown error'],
} as const;

type ErrorType = keyof typeof ERRORS;

function failure(type: ErrorType, detail: string | null = null): EmulatorResponse {
	const [status, error] = ERRORS[type];
	return { status, body: { type, code: status, error, detail } };
}

interface Recipient {
	number: unknown;
	text: unknown;
	variables: unknown;
}

/** Parts as BulkGate bills them: 160/153 characters, or 70/67 with `unicode`. */
function partsOf(text: string, unicode: boolean): number {
	const [single, part] = unicode ? [70, 67] : [160, 153];
	return text.length <= single ? 1 : Math.ceil(text.length / part);
}

function fill(text: string, variables: unknown): string {
	if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return text;
	const values = variables as Body;
	return text.replace(/<([^<>\s]+)>/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole,
	);
}

/**
 * BulkGate's Advanced API v2 as ../shared/api/bulkgate.md describes it: credentials in the JSON
 * body, transactional / promotional / info, per-recipient statuses with HTTP 200, both error
 * shapes, address-book groups and admins, duplicates checks over a history, and a credit that
 * goes down per message part.
 */
export class BulkGateEmulator implements ServiceHandler {
	readonly name = 'bulkGate';

	readonly applications = new Map([['12345', 'token-12345']]);

	readonly bannedApplications = new Set<string>();

	/** Answer /info errors in the legacy shape `{"error":"authentication_failed","code":401}`. */
	legacyInfoErrors = false;

	credit = 10_000;

	readonly blacklist = new Set<string>();

	/** Numbers that look right but that BulkGate reports as `invalid_number`. */
	readonly invalidNumbers = new Set<string>();

	readonly groups = new Map<number, string[]>();

	readonly admins = new Map<number, string>();

	readonly verifiedOwnNumbers = new Set<string>();

	readonly messages: BgMessage[] = [];

	private callsUntilRevoked: number | undefined = undefined;

	/** Lets `calls` more calls through, then disables every application token (revoked mid-run). */
	revokeTokensAfter(calls: number): void {
		this.callsUntilRevoked = calls;
	}

	handle(request: EmulatorRequest): EmulatorResponse | undefined {
		const match = request.path.match(/^\/api\/(\d+\.\d+)\/([a-z-]+)\/([a-z-]+)\/?$/);
		if (!match) return undefined;
		if (this.callsUntilRevoked !== undefined && this.callsUntilRevoked-- <= 0) {
			this.callsUntilRevoked = undefined;
			this.applications.clear();
		}
		const [, version, family, action] = match;
		if (request.method !== 'POST') return failure('method_not_allowed');
		if (version !== '2.0') return failure('unsupported_api_version');
		if (family !== 'advanced' || !['transactional', 'promotional', 'info'].includes(action)) {
			return failure('unknown_action');
		}
		const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Body;
		const application = String(body.application_id ?? '');
		if (this.applications.get(application) !== body.application_token || application === '') {
			return action === 'info' && this.legacyInfoErrors
				? { status: 401, body: { error: 'authentication_failed', code: 401 } }
				: failure('unknown_identity');
		}
		if (this.bannedApplications.has(application)) return failure('banned');
		if (action === 'info') return this.info();
		return action === 'transactional' ? this.transactional(body) : this.promotional(body);
	}

	/** Messages that went to this number, oldest first. */
	sentTo(number: string): BgMessage[] {
		return this.messages.filter((message) => message.number === number);
	}

	private info(): EmulatorResponse {
		return {
			status: 200,
			body: {
				data: {
					wallet: 'bg1805151838000001',
					credit: Math.round(this.credit * 10_000) / 10_000,
					currency: 'credits',
					free_messages: 0,
					datetime: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
				},
			},
		};
	}

	private normalize(raw: unknown, country: string | undefined): string | undefined {
		if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
		let digits = String(raw).replace(/[\s\-()]/g, '');
		if (digits.startsWith('+')) digits = digits.slice(1);
		else if (digits.startsWith('00')) digits = digits.slice(2);
		if (!/^\d+$/.test(digits)) return undefined;
		const prefix = country ? CALLING_CODES[country.toLowerCase()] : undefined;
		if (prefix && !(digits.startsWith(prefix) && digits.length - prefix.length >= 8)) {
			digits = prefix + digits.replace(/^0+/, '');
		}
		if (digits.length < 9 || digits.length > 15 || this.invalidNumbers.has(digits)) return undefined;
		return digits;
	}

	/** Checks the `channel` object; answers an error, or the channel keys in cascade order. */
	private readChannel(channel: unknown): EmulatorResponse | string[] {
		if (channel === undefined) return ['sms'];
		if (typeof channel !== 'object' || channel === null || Array.isArray(channel)) {
			return failure('unknown', 'channel must be an object');
		}
		const keys = Object.keys(channel);
		for (const key of keys) {
			if (!CHANNEL_KEYS.has(key)) return failure('unknown', `Unknown channel ${key}`);
		}
		const { sms, viber } = channel as Record<string, Body | undefined>;
		if (sms?.sender_id !== undefined && !SENDER_IDS.has(String(sms.sender_id))) {
			return failure('unknown', `Unknown sender_id ${String(sms.sender_id)}`);
		}
		if (sms?.sender_id === 'gOwn' && !this.verifiedOwnNumbers.has(String(sms.sender_id_value ?? ''))) {
			return failure('invalid_numeric_sender');
		}
		if (viber && (typeof viber.sender !== 'string' || viber.sender === '')) {
			return failure('unknown', 'Viber sender is required');
		}
		return keys.length ? keys : ['sms'];
	}

	private readSchedule(schedule: unknown): number | null | undefined {
		if (schedule === undefined || schedule === null || schedule === '') return null;
		if (typeof schedule === 'number' || (typeof schedule === 'string' && /^\d+$/.test(schedule))) {
			return Number(schedule) * 1000;
		}
		const time = typeof schedule === 'string' ? Date.parse(schedule) : NaN;
		return Number.isNaN(time) ? undefined : time;
	}

	private transactional(body: Body): EmulatorResponse {
		let recipients: Recipient[];
		let country = typeof body.country === 'string' ? body.country : undefined;
		if (body.admin !== undefined && body.number === undefined) {
			const phone = this.admins.get(Number(body.admin));
			if (!phone) return failure('admin_not_found');
			recipients = [{ number: phone, text: body.text, variables: body.variables }];
			country = undefined;
		} else if (typeof body.number === 'string' || typeof body.number === 'number') {
			if (!this.normalize(body.number, country)) return failure('invalid_phone_number');
			recipients = [{ number: body.number, text: body.text, variables: body.variables }];
		} else if (Array.isArray(body.number) && body.number.length) {
			recipients = body.number.map((number) => ({ number, text: body.text, variables: body.variables }));
		} else {
			return failure('invalid_phone_number');
		}
		if (typeof body.text !== 'string' || body.text.trim() === '') return failure('empty_message');
		const duplicates = body.duplicates_check === 'on' ? 'same_text_recent' : null;
		return this.deliver('transactional', body, recipients, country, duplicates);
	}

	private promotional(body: Body): EmulatorResponse {
		const recipients: Recipient[] = [];
		const country = typeof body.country === 'string' ? body.country : undefined;
		if (body.number !== undefined && !Array.isArray(body.number)) return failure('invalid_phone_number');
		for (const entry of (body.number as unknown[] | undefined) ?? []) {
			if (typeof entry === 'object' && entry !== null) {
				const { number, text, variables } = entry as Body;
				recipients.push({ number, text: text ?? body.text, variables });
			} else {
				recipients.push({ number: entry, text: body.text, variables: undefined });
			}
		}
		for (const group of (Array.isArray(body.groups) ? body.groups : []) as unknown[]) {
			for (const number of this.groups.get(Number(group)) ?? []) {
				recipients.push({ number, text: body.text, variables: undefined });
			}
		}
		for (const admin of (Array.isArray(body.admins) ? body.admins : []) as unknown[]) {
			const number = this.admins.get(Number(admin));
			if (number) recipients.push({ number, text: body.text, variables: undefined });
		}
		if (recipients.length === 0) return failure('no_recipients');
		if (recipients.some((recipient) => typeof recipient.text !== 'string' || recipient.text.trim() === '')) {
			return failure('empty_message');
		}
		const check = body.duplicates_check;
		const duplicates = check === 'same_text' || check === 'same_number' ? check : null;
		return this.deliver('promotional', body, recipients, country, duplicates);
	}

	private isDuplicate(number: string, text: string, rule: string | null, now: number): boolean {
		if (rule === 'same_number') return this.messages.some((m) => m.number === number);
		if (rule === 'same_text') return this.messages.some((m) => m.number === number && m.text === text);
		if (rule === 'same_text_recent') {
			return this.messages.some(
				(m) => m.number === number && m.text === text && now - m.createdAt < 5 * 60_000,
			);
		}
		return false;
	}

	/** Per-recipient statuses, all with HTTP 200; the whole request fails only for lack of credit. */
	private deliver(
		endpoint: BgMessage['endpoint'],
		body: Body,
		recipients: Recipient[],
		country: string | undefined,
		duplicates: string | null,
	): EmulatorResponse {
		const channels = this.readChannel(body.channel);
		if (!Array.isArray(channels)) return channels;
		const scheduledFor = this.readSchedule(body.schedule);
		if (scheduledFor === undefined) return failure('unknown', 'Invalid schedule');
		const channel = (body.channel ?? {}) as Record<string, Body>;
		const unicode = channel.sms?.unicode === true;
		const senderText =
			channel.sms?.sender_id === 'gText' ? String(channel.sms.sender_id_value ?? '') : undefined;
		const now = Date.now();
		const batch = randomBytes(7).toString('hex').slice(0, 13);

		const planned: Array<{ entry: Body; message?: BgMessage }> = recipients.map((recipient, index) => {
			const number = this.normalize(recipient.number, country);
			const shown = number ?? String(recipient.number ?? '');
			if (!number) {
				return {
					entry: {
						status: 'invalid_number',
						code: 9,
						error: 'Invalid phone number',
						detail: null,
						number: shown,
						channel: channels[0],
					},
				};
			}
			if (this.blacklist.has(number)) {
				return {
					entry: {
						status: 'blacklisted',
						code: 10,
						error: 'Phone number is on Blacklist',
						detail: null,
						number,
						channel: channels[0],
					},
				};
			}
			if (senderText !== undefined && (senderText.length < 3 || senderText.length > 11)) {
				return {
					entry: {
						status: 'invalid_sender',
						code: 11,
						error: 'Invalid sender',
						detail: null,
						number,
						channel: channels[0],
					},
				};
			}
			const text = fill(String(recipient.text), recipient.variables);
			if (this.isDuplicate(number, text, duplicates, now)) {
				return {
					entry: {
						status: 'duplicity_message',
						code: 12,
						error: 'Duplicate message',
						detail: null,
						number,
						channel: channels[0],
					},
				};
			}
			const messageId = `${endpoint}-${batch}-${index}`;
			const status = scheduledFor !== null && scheduledFor > now ? 'scheduled' : 'accepted';
			const message: BgMessage = {
				messageId,
				endpoint,
				number,
				text,
				unicode,
				channels,
				channel,
				schedule: body.schedule,
				scheduledFor,
				tag: typeof body.tag === 'string' ? body.tag : null,
				parts: partsOf(text, unicode),
				status,
				createdAt: now,
			};
			// Later recipients of the same request are checked against this one too.
			this.messages.push(message);
			return {
				entry: { status, message_id: messageId, part_id: [messageId], number, channel: channels[0] },
				message,
			};
		});

		const cost = planned.reduce((sum, { message }) => sum + (message?.parts ?? 0), 0);
		if (cost > this.credit) {
			const stored = new Set(planned.map(({ message }) => message));
			this.messages.splice(
				0,
				this.messages.length,
				...this.messages.filter((message) => !stored.has(message)),
			);
			return failure('low_credit');
		}
		this.credit -= cost;
		const total = Object.fromEntries(STATUSES.map((status) => [status, 0]));
		for (const { entry } of planned) total[entry.status as string]++;
		return {
			status: 200,
			body: { data: { total: { status: total }, response: planned.map(({ entry }) => entry) } },
		};
	}
}
