import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, ServiceHandler } from './types';

type Body = Record<string, unknown>;

/** The account's one wallet. */
export const WALLET = 'bg1805151838000001';

export interface BgMessage {
	messageId: string;
	endpoint: 'transactional' | 'promotional' | 'otp';
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
	invalid_wallet: [400, 'Invalid wallet'],
	no_valid_numbers: [400, 'No valid numbers'],
	number_already_exists: [400, 'Number already exists'],
	missing_parameters: [400, 'Missing parameters'],
	use_number_or_source_id_not_both: [400, 'Use number or source id not both'],
	message_not_found: [400, 'Message not found'],
	number_not_found: [400, 'Number not found'],
	invalid_id_provided: [400, 'Invalid id provided'],
	invalid_input_parameters: [400, 'Invalid input parameters'],
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
		if (request.path === '/api/1.0/advanced/delivery/post') return this.deliveryStatus(request);
		const match = request.path.match(/^\/api\/(\d+\.\d+)\/([a-z-]+)\/([a-z-]+)\/?$/);
		if (!match) return undefined;
		if (this.callsUntilRevoked !== undefined && this.callsUntilRevoked-- <= 0) {
			this.callsUntilRevoked = undefined;
			this.applications.clear();
		}
		const [, version, family, action] = match;
		if (request.method !== 'POST') return failure('method_not_allowed');
		if (version === '1.0' && family === 'black-list') return this.blacklistCall(action, request.body);
		if (version === '1.0' && family === 'address-book') return this.addressBookCall(action, request.body);
		if (version === '1.0' && family === 'otp') return this.otpCall(action, request.body);
		if (version === '1.0' && family === 'integration' && action === 'check-phone-numbers') {
			return this.checkNumbers(request.body);
		}
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

	/**
	 * BulkGate's number check (integration API, as its PHP SDK calls it): an answer per number, keyed
	 * by the number as sent; a valid one carries the full number, its country and a network.
	 */
	private checkNumbers(raw: unknown): EmulatorResponse {
		const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Body;
		const application = String(body.application_id ?? '');
		if (application === '' || this.applications.get(application) !== body.application_token) {
			return failure('unknown_identity');
		}
		if (!Array.isArray(body.numbers) || body.numbers.length === 0) return failure('invalid_phone_number');
		const data: Body = {};
		for (const entry of body.numbers as Body[]) {
			const sent = String(entry?.phone_number ?? '');
			const country = typeof entry?.country === 'string' ? entry.country : undefined;
			const number = this.normalize(sent, country);
			const home = number && Object.entries(CALLING_CODES).find(([, prefix]) => number.startsWith(prefix));
			data[sent] = home
				? { phone_number: number, valid: true, country: home[0], call_prefix: Number(home[1]), network_code: `${home[1]}01`, network_name: 'Emulated Mobile' }
				: { phone_number: sent, valid: false, country: country ?? null, call_prefix: null, network_code: null, network_name: null };
		}
		return { status: 200, body: { data } };
	}

	/** One-time passwords by ID: the code BulkGate sent, and what is left of their limits. */
	readonly otps = new Map<string, { number: string; code: string; channel: string; resendsLeft: number | null; verified: boolean }>();

	/** BulkGate's OTP API: send (a code by SMS or Viber), resend, verify. */
	private otpCall(action: string, raw: unknown): EmulatorResponse {
		const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Body;
		const application = String(body.application_id ?? '');
		if (application === '' || this.applications.get(application) !== body.application_token) {
			return failure('unknown_identity');
		}
		if (action === 'send') {
			const number = this.normalize(body.number, typeof body.country === 'string' ? body.country : undefined);
			if (!number || typeof body.request_quota_identification !== 'string' || body.request_quota_identification === '') {
				return failure('invalid_input_parameters');
			}
			const channels = this.readChannel(body.channel);
			if (!Array.isArray(channels)) return channels;
			const id = `otp-${randomBytes(6).toString('hex')}.${this.otps.size}`;
			const length = Number(body.code_length ?? 6);
			const code = String(this.otps.size + 1).padStart(length, '0').slice(-length);
			const resends = body.trials_available_resend;
			this.otps.set(id, { number, code, channel: channels[0], resendsLeft: typeof resends === 'number' ? resends : null, verified: false });
			return { status: 200, body: { data: { id, message: this.otpMessage(id) } } };
		}
		const otp = typeof body.id === 'string' ? this.otps.get(body.id) : undefined;
		if (!otp) return failure('invalid_id_provided');
		if (action === 'resend') {
			if (otp.resendsLeft !== null && otp.resendsLeft-- <= 0) return failure('invalid_input_parameters', 'No resends left');
			return { status: 200, body: { data: { id: body.id, message: this.otpMessage(body.id as string) } } };
		}
		if (action === 'verify') {
			if (body.code === undefined || body.code === null || body.code === '') return failure('invalid_input_parameters');
			otp.verified = otp.verified || String(body.code) === otp.code;
			return { status: 200, body: { data: { id: body.id, verified: String(body.code) === otp.code } } };
		}
		return failure('unknown_action');
	}

	/** Stores the message that carries an OTP's code and answers it as BulkGate's send entry. */
	private otpMessage(id: string): Body {
		const otp = this.otps.get(id)!;
		const messageId = `cascade-${randomBytes(6).toString('hex')}`;
		const text = `Your code is ${otp.code}`;
		this.messages.push({
			messageId,
			endpoint: 'otp',
			number: otp.number,
			text,
			unicode: false,
			channels: [otp.channel],
			channel: {},
			schedule: null,
			scheduledFor: null,
			tag: null,
			parts: 1,
			status: 'accepted',
			createdAt: Date.now(),
		});
		return { status: 'accepted', message_id: messageId, part_id: [messageId], number: otp.number, channel: otp.channel };
	}

	/** The address book: contacts by number (digits), with BulkGate's contact fields. */
	readonly contacts = new Map<string, Body>();

	/** Names of address-book groups, by ID (members are in `groups`). */
	readonly groupNames = new Map<number, string>();

	/** BulkGate's address book (1.0): add, import, get and remove contacts; groups fill `groups`. */
	private addressBookCall(action: string, raw: unknown): EmulatorResponse {
		const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Body;
		const application = String(body.application_id ?? '');
		if (application === '' || this.applications.get(application) !== body.application_token) {
			return failure('unknown_identity');
		}
		if (action === 'add' || action === 'import') {
			const list = action === 'add' ? [body.data] : Array.isArray(body.data) ? body.data : [];
			const contacts = list.map((data) => (typeof data === 'object' && data !== null ? (data as Body) : {}));
			const numbers = contacts.map((data) => this.normalize(data.phone_mobile, undefined));
			if (!contacts.length || numbers.some((number) => !number)) return failure('invalid_phone_number');
			const groups = (Array.isArray(body.groups) ? body.groups : []).map(Number);
			if (typeof body.group_name === 'string' && body.group_name !== '') {
				const id = Math.max(100, ...this.groups.keys()) + 1;
				this.groups.set(id, []);
				this.groupNames.set(id, body.group_name);
				groups.push(id);
			}
			contacts.forEach((data, index) => {
				const number = numbers[index] as string;
				this.contacts.set(number, { ...this.contacts.get(number), ...data, phone_mobile: number });
				for (const group of groups) {
					const members = this.groups.get(group) ?? [];
					if (!members.includes(number)) this.groups.set(group, [...members, number]);
				}
			});
			return { status: 200, body: { data: { message: action === 'add' ? 'contact_has_been_added' : 'contacts_have_been_imported' } } };
		}
		const number = this.normalize(body.phone_number, undefined);
		if (!number) return failure('invalid_phone_number');
		const contact = this.contacts.get(number);
		if (!contact) return failure('number_not_found');
		if (action === 'get') return { status: 200, body: { data: contact } };
		if (action === 'remove') {
			this.contacts.delete(number);
			for (const [group, members] of this.groups) this.groups.set(group, members.filter((m) => m !== number));
			return { status: 200, body: { data: { message: 'contact_has_been_removed' } } };
		}
		return failure('unknown_action');
	}

	/** Blacklisted numbers and the `source_id` each was added with. */
	readonly blacklistSources = new Map<string, string | null>();

	/** BulkGate's blacklist API (1.0): add, is-black-listed and remove, on the account's one wallet. */
	private blacklistCall(action: string, raw: unknown): EmulatorResponse {
		const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Body;
		const application = String(body.application_id ?? '');
		if (application === '' || this.applications.get(application) !== body.application_token) {
			return failure('unknown_identity');
		}
		if (this.bannedApplications.has(application)) return failure('banned');
		if (body.wallet !== undefined && body.wallet !== WALLET) return failure('invalid_wallet');
		const numbers = Array.isArray(body.numbers) ? body.numbers : [];
		const valid = numbers.map((number) => this.normalize(number, undefined));
		if (action === 'is-black-listed') {
			if (!numbers.length) return failure('missing_parameters');
			const data = Object.fromEntries(
				valid.flatMap((number) => (number ? [[number, this.blacklist.has(number)]] : [])),
			);
			return { status: 200, body: { data } };
		}
		if (action === 'add') {
			const added = valid.filter((number): number is string => number !== undefined);
			if (!added.length) return failure('no_valid_numbers');
			if (added.every((number) => this.blacklist.has(number))) return failure('number_already_exists');
			for (const number of added) {
				this.blacklist.add(number);
				this.blacklistSources.set(number, typeof body.source_id === 'string' ? body.source_id : null);
			}
			return { status: 200, body: { data: { message: 'contacts have been blacklisted' } } };
		}
		if (action === 'remove') {
			const hasNumber = body.number !== undefined && body.number !== '';
			const hasSource = body.source_id !== undefined && body.source_id !== '';
			if (hasNumber && hasSource) return failure('use_number_or_source_id_not_both');
			if (!hasNumber && !hasSource) return failure('missing_parameters');
			let removed: string[];
			if (hasNumber) {
				const number = this.normalize(body.number, undefined);
				if (!number) return failure('no_valid_numbers');
				removed = [number];
			} else {
				removed = [...this.blacklistSources].filter(([, source]) => source === body.source_id).map(([n]) => n);
			}
			for (const number of removed) {
				this.blacklist.delete(number);
				this.blacklistSources.delete(number);
			}
			return { status: 200, body: { data: { message: 'Black list contacts have been removed' } } };
		}
		return failure('unknown_action');
	}

	/**
	 * A message's delivery by its message ID. BulkGate does not document this call's answer, so the
	 * emulator answers with the fields of its delivery reports: `status` 1 (delivered) for what it
	 * accepted, 'scheduled' for what waits; an unknown ID is `message_not_found`.
	 */
	private deliveryStatus(request: EmulatorRequest): EmulatorResponse {
		if (request.method !== 'POST') return failure('method_not_allowed');
		const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Body;
		const application = String(body.application_id ?? '');
		if (application === '' || this.applications.get(application) !== body.application_token) {
			return failure('unknown_identity');
		}
		const message = this.messages.find((candidate) => candidate.messageId === body.message_id);
		if (!message) return failure('message_not_found');
		return {
			status: 200,
			body: {
				data: {
					message_id: message.messageId,
					number: message.number,
					status: message.status === 'accepted' ? 1 : 'scheduled',
					channel: message.channels[0],
					price: message.parts,
				},
			},
		};
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
					wallet: WALLET,
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
		if (endpoint !== 'promotional') {
			return {
				status: 200,
				body: { data: { total: { status: total }, response: planned.map(({ entry }) => entry) } },
			};
		}
		// Promotional answers carry the request's price and, per accepted entry, its price and the
		// balance left, as BulkGate's promotional example shows (one credit per SMS part here).
		const credit = Math.round(this.credit * 10_000) / 10_000;
		const response = planned.map(({ entry, message }) =>
			message ? { ...entry, price: message.parts, credit } : entry,
		);
		return { status: 200, body: { data: { total: { price: cost, status: total }, response } } };
	}
}
