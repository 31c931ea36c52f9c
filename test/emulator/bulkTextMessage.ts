import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, ServiceHandler } from './types';

const PREFIX = '/api/v1';
const PAGE_SIZE = 15;

export interface BtmMessage {
	id: number;
	content: string;
	number: string;
	direction: 'sending' | 'incoming';
	status: string;
	external_id: number | null;
	from: string | null;
	scheduled: string | null;
	created: { date: string; timezone: 'UTC'; timezone_type: 3 };
}

export interface BtmContact {
	id: number;
	first_name: string;
	last_name: string | null;
	display_name: string;
	main_phone: string;
	reference: string | null;
	is_public: number;
	status: number;
	contact_group_id?: number;
}

function now(): BtmMessage['created'] {
	const date = new Date().toISOString().replace('T', ' ').replace('Z', '000');
	return { date, timezone: 'UTC', timezone_type: 3 };
}

const E164 = /^\+\d{7,15}$/;

/**
 * The BulkTextMessage API as ../shared/api/bulktextmessage.md describes it: token exchange,
 * bearer auth, SMS (single, to_many, many), lists of 15 per page newest first, contacts and groups.
 */
export class BulkTextMessageEmulator implements ServiceHandler {
	readonly name = 'bulkTextMessage';

	readonly clients = new Map([['client-1', 'secret-1']]);

	readonly tokens = new Map<string, number>();

	tokenLifetimeMs = 3_600_000;

	/** Issuing a token revokes every earlier one, as some OAuth servers do. */
	revokeOnIssue = false;

	/** Numbers whose entries in to_many / many come back as -1. */
	readonly refusedNumbers = new Set<string>();

	readonly messages: BtmMessage[] = [];

	readonly contacts: BtmContact[] = [];

	readonly groups = [
		{ id: 4, name: 'Group VIP' },
		{ id: 5, name: 'Group 002' },
		{ id: 6, name: 'Group 001' },
	];

	private nextMessageId = 100;

	private nextContactId = 12000;

	baseUrl(emulatorUrl: string): string {
		return `${emulatorUrl}${PREFIX}`;
	}

	/** Makes every issued token invalid, as when they expire. */
	expireTokens(): void {
		this.tokens.clear();
	}

	private authorizedUntilExpiry: number | undefined;

	/** Lets `requests` more authorized calls through, then expires every token (mid-run expiry). */
	expireTokensAfter(requests: number): void {
		this.authorizedUntilExpiry = requests;
	}

	/** Stores an SMS as if it had been sent or received earlier. */
	addMessage(fields: Partial<BtmMessage> & { number: string; content: string }): BtmMessage {
		const message: BtmMessage = {
			id: this.nextMessageId++,
			direction: 'sending',
			status: 'sent',
			external_id: null,
			from: null,
			scheduled: null,
			created: now(),
			...fields,
		};
		this.messages.push(message);
		return message;
	}

	addContact(fields: Partial<BtmContact> & { first_name: string; main_phone: string }): BtmContact {
		const contact: BtmContact = {
			id: this.nextContactId++,
			last_name: null,
			reference: null,
			is_public: 0,
			status: 0,
			display_name: [fields.first_name, fields.last_name].filter(Boolean).join(' '),
			...fields,
		};
		this.contacts.push(contact);
		return contact;
	}

	handle(request: EmulatorRequest): EmulatorResponse | undefined {
		if (!request.path.startsWith(`${PREFIX}/`)) return undefined;
		const path = request.path.slice(PREFIX.length).replace(/\/+$/, '') || '/';
		if (request.method === 'POST' && path === '/oauth/access_token') return this.issueToken(request);
		if (!this.authorized(request)) {
			return { status: 401, body: { result: 'error', error: 'unauthorized', message: 'Invalid or expired token' } };
		}
		const body = (request.body ?? {}) as Record<string, unknown>;
		let match: RegExpMatchArray | null;
		if (request.method === 'POST' && path === '/sms') return this.sendOne(body);
		if (request.method === 'POST' && path === '/sms/to_many') return this.sendList(body, true);
		if (request.method === 'POST' && path === '/sms/many') return this.sendList(body, false);
		if (request.method === 'GET' && path === '/sms') return this.page(this.messages, request);
		if (request.method === 'GET' && (match = path.match(/^\/sms\/by_external\/(-?\d+)$/))) {
			const externalId = Number(match[1]);
			return this.one([...this.messages].reverse().find((m) => m.external_id === externalId));
		}
		if (request.method === 'GET' && (match = path.match(/^\/sms\/(\d+)$/))) {
			return this.one(this.messages.find((m) => m.id === Number(match![1])));
		}
		if (request.method === 'POST' && path === '/contact') return this.createContact(body);
		if (request.method === 'GET' && path === '/contact') return this.page(this.contacts, request);
		if (request.method === 'GET' && (match = path.match(/^\/contact\/(\d+)$/))) {
			return this.one(this.contacts.find((c) => c.id === Number(match![1])));
		}
		if (request.method === 'GET' && path === '/contact_group') return this.page(this.groups, request);
		return { status: 404, body: { result: 'error', message: `Unknown endpoint ${request.method} ${path}` } };
	}

	private issueToken(request: EmulatorRequest): EmulatorResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const secret = this.clients.get(String(body.client_id ?? ''));
		if (!secret || secret !== body.client_secret) {
			return {
				status: 401,
				body: { result: 'error', error: 'invalid_client', message: 'Client authentication failed' },
			};
		}
		const token = randomBytes(16).toString('hex');
		if (this.revokeOnIssue) this.tokens.clear();
		this.tokens.set(token, Date.now() + this.tokenLifetimeMs);
		return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
	}

	private authorized(request: EmulatorRequest): boolean {
		const header = String(request.headers.authorization ?? '');
		const token = header.startsWith('Bearer ') ? header.slice(7) : '';
		const expiresAt = this.tokens.get(token);
		if (this.authorizedUntilExpiry !== undefined && this.authorizedUntilExpiry-- <= 0) {
			this.authorizedUntilExpiry = undefined;
			this.expireTokens();
			return false;
		}
		return expiresAt !== undefined && expiresAt > Date.now();
	}

	private invalid(message: string): EmulatorResponse {
		return { status: 400, body: { result: 'error', error: 'validation', message } };
	}

	private create(to: unknown, content: unknown, body: Record<string, unknown>, externalId: unknown): BtmMessage {
		return this.addMessage({
			number: String(to),
			content: String(content),
			status: 'queued',
			external_id: externalId === undefined || externalId === null ? null : Number(externalId),
			from: typeof body.from === 'string' ? body.from : null,
			scheduled: typeof body.scheduled === 'string' ? body.scheduled : null,
		});
	}

	private sendOne(body: Record<string, unknown>): EmulatorResponse {
		if (typeof body.to !== 'string' || !E164.test(body.to)) return this.invalid('The to field must be a phone number');
		if (typeof body.body !== 'string' || body.body === '') return this.invalid('The body field is required');
		if (body.external_id !== undefined && !Number.isInteger(body.external_id)) {
			return this.invalid('The external_id must be an integer');
		}
		const message = this.create(body.to, body.body, body, body.external_id);
		return { status: 200, body: { result: 'ok', data: message } };
	}

	private sendList(body: Record<string, unknown>, sameText: boolean): EmulatorResponse {
		if (!Array.isArray(body.list) || body.list.length === 0) return this.invalid('The list field is required');
		if (sameText && (typeof body.body !== 'string' || body.body === '')) {
			return this.invalid('The body field is required');
		}
		const ids = (body.list as Array<Record<string, unknown>>).map((entry) => {
			const text = sameText ? body.body : entry.body;
			const valid =
				typeof entry.to === 'string' &&
				E164.test(entry.to) &&
				!this.refusedNumbers.has(entry.to) &&
				typeof text === 'string' &&
				text !== '' &&
				(entry.external_id === undefined || Number.isInteger(entry.external_id));
			return valid ? this.create(entry.to, text, body, entry.external_id).id : -1;
		});
		return { status: 200, body: { result: 'ok', ids } };
	}

	private one(found: object | undefined): EmulatorResponse {
		return found
			? { status: 200, body: { result: 'ok', data: found } }
			: { status: 404, body: { result: 'error', message: 'Not found' } };
	}

	private page(all: object[], request: EmulatorRequest): EmulatorResponse {
		const newestFirst = [...all].reverse();
		const total = newestFirst.length;
		const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
		const current = Math.max(1, Number(request.query.page ?? 1) || 1);
		const data = newestFirst.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
		const links = current < totalPages ? { next: `https://elsewhere.example${request.path}?page=${current + 1}` } : [];
		return {
			status: 200,
			body: {
				result: 'ok',
				meta: {
					pagination: { count: data.length, current_page: current, links, per_page: PAGE_SIZE, total, total_pages: totalPages },
				},
				data,
			},
		};
	}

	private createContact(body: Record<string, unknown>): EmulatorResponse {
		if (typeof body.first_name !== 'string' || body.first_name === '') return this.invalid('The first_name field is required');
		if (typeof body.main_phone !== 'string' || !E164.test(body.main_phone)) {
			return this.invalid('The main_phone field must be a phone number');
		}
		const groupId = body.contact_group_id === undefined ? undefined : Number(body.contact_group_id);
		if (groupId !== undefined && !this.groups.some((g) => g.id === groupId)) return this.invalid('Unknown contact group');
		const contact = this.addContact({
			first_name: body.first_name,
			last_name: typeof body.last_name === 'string' ? body.last_name : null,
			main_phone: body.main_phone,
			reference: typeof body.reference === 'string' ? body.reference : null,
			...(groupId !== undefined ? { contact_group_id: groupId } : {}),
		});
		return { status: 200, body: { result: 'ok', data: contact } };
	}
}
