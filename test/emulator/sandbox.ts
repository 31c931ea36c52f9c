/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and demo tool: it posts to webhooks with fetch and waits with timers, which n8n's Cloud rules forbid in shipped nodes */
import { BulkGateEmulator, type BgMessage } from './bulkGate';
import { BulkTextMessageEmulator, type BtmMessage } from './bulkTextMessage';
import { startEmulator, type Emulator } from './server';
import type { Fault } from './faults';
import type { EmulatorRequest, EmulatorResponse, RecordedRequest, ServiceHandler } from './types';

/** The webhook URLs a real account would have in each gateway's dashboard. */
export interface ReportTargets {
	bulkTextMessage?: string;
	bulkGate?: string;
}

export interface SandboxOptions {
	reportTargets?: ReportTargets;
	/** Post delivery reports this long after a send; without it, only when deliverReports() is called. */
	reportDelayMs?: number;
	/** Told of every post to a webhook. */
	onDelivery?: (delivery: Delivery & { service: Service }) => void;
}

export interface Delivery {
	reports: number;
	/** The webhook's HTTP status, or the network error's message. */
	answer: number | string;
}

export type Service = 'bulkTextMessage' | 'bulkGate';

/** The account both emulated gateways accept. */
export const SANDBOX_ACCOUNT = {
	bulkTextMessage: { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' },
	bulkGate: { applicationId: '40001', applicationToken: 'sandbox-application-token' },
};

const PRAGUE_TIME = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Prague',
	year: '2-digit',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
});

/** BulkGate's report time: YYMMDDhhmm, Czech wall clock. */
function bulkGateTime(epochMs: number): string {
	const part = Object.fromEntries(PRAGUE_TIME.formatToParts(epochMs).map(({ type, value }) => [type, value]));
	return `${part.year}${part.month}${part.day}${part.hour}${part.minute}`;
}

async function post(url: string, body: unknown): Promise<number | string> {
	try {
		const answer = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		await answer.arrayBuffer();
		return answer.status;
	} catch (error) {
		return (error as Error).message;
	}
}

/**
 * Both gateways on one local port, behaving like a real account: sends are stored, and their
 * delivery reports and incoming SMS are posted to the configured webhooks the way each gateway
 * posts them (BulkTextMessage: its SMS objects; BulkGate: the bulk DLR array).
 */
export class Sandbox {
	readonly bulkTextMessage = new BulkTextMessageEmulator();

	readonly bulkGate = new BulkGateEmulator();

	private emulator!: Emulator;

	private reportedBulkTextMessage = 0;

	private reportedBulkGate = 0;

	private reportTimer: NodeJS.Timeout | undefined;

	constructor(private readonly options: SandboxOptions = {}) {
		const { bulkTextMessage, bulkGate } = SANDBOX_ACCOUNT;
		this.bulkTextMessage.clients.set(bulkTextMessage.clientId, bulkTextMessage.clientSecret);
		this.bulkGate.applications.set(bulkGate.applicationId, bulkGate.applicationToken);
		this.bulkGate.credit = 1_000_000;
	}

	async start(): Promise<this> {
		this.emulator = await startEmulator([
			this.controls(),
			this.watch(this.bulkTextMessage),
			this.watch(this.bulkGate),
		]);
		return this;
	}

	get url(): string {
		return this.emulator.url;
	}

	get bulkTextMessageUrl(): string {
		return this.bulkTextMessage.baseUrl(this.emulator.url);
	}

	/** Makes the next matching gateway requests fail (the end-to-end suite's fault cases). */
	inject(fault: Fault): void {
		this.emulator.inject(fault);
	}

	/** Gateway requests so far, by `METHOD /path STATUS`. */
	requestCounts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const { method, path, status } of this.emulator.requests) {
			const key = `${method} ${path} ${status}`;
			counts[key] = (counts[key] ?? 0) + 1;
		}
		return counts;
	}

	/** Gateway requests so far, in arrival order, with their headers and answer status. */
	requests(): readonly RecordedRequest[] {
		return this.emulator.requests;
	}

	/** Posts the reports of every message sent since the last call. */
	async deliverReports(): Promise<Delivery[]> {
		clearTimeout(this.reportTimer);
		this.reportTimer = undefined;
		const now = Date.now();
		const sent = this.bulkTextMessage.messages
			.slice(this.reportedBulkTextMessage)
			.filter((message) => message.direction === 'sending');
		this.reportedBulkTextMessage = this.bulkTextMessage.messages.length;
		for (const message of sent) message.status = 'delivered';
		const accepted = this.bulkGate.messages.slice(this.reportedBulkGate).filter((m) => m.status === 'accepted');
		this.reportedBulkGate = this.bulkGate.messages.length;

		return await Promise.all([
			this.deliver('bulkTextMessage', sent),
			this.deliver(
				'bulkGate',
				accepted.map((message: BgMessage) => ({
					status: '1',
					smsID: message.messageId,
					to: message.number,
					channel: message.channels[0],
					date: `${bulkGateTime(message.createdAt)};${bulkGateTime(now)}`,
				})),
			),
		]);
	}

	/** An SMS from `from` (international, with +) arrives and is posted like the gateway would. */
	async receive(service: Service, from: string, text: string): Promise<Delivery> {
		if (service === 'bulkTextMessage') {
			const message: BtmMessage = this.bulkTextMessage.addMessage({
				number: from,
				content: text,
				direction: 'incoming',
				status: 'received',
			});
			return await this.deliver(service, [message], message);
		}
		const inbound = { status: '10', from: from.replace(/^\+/, ''), text, channel: 'sms' };
		return await this.deliver(service, [inbound]);
	}

	async close(): Promise<void> {
		clearTimeout(this.reportTimer);
		await this.emulator.close();
	}

	private async deliver(service: Service, reports: unknown[], body: unknown = reports): Promise<Delivery> {
		const target = this.options.reportTargets?.[service];
		if (!target || reports.length === 0) return { reports: 0, answer: 'nothing to post' };
		const delivery = { service, reports: reports.length, answer: await post(target, body) };
		this.options.onDelivery?.(delivery);
		return delivery;
	}

	/** `POST /_sandbox/inbound` with JSON `{service, from, text}`: an SMS arrives at that gateway. */
	private controls(): ServiceHandler {
		return {
			name: 'sandbox',
			handle: ({ method, path, body }: EmulatorRequest): EmulatorResponse | undefined => {
				if (path !== '/_sandbox/inbound') return undefined;
				const { service, from, text } = (body ?? {}) as Record<string, unknown>;
				const isService = service === 'bulkTextMessage' || service === 'bulkGate';
				if (method !== 'POST' || !isService || typeof from !== 'string' || typeof text !== 'string') {
					return {
						status: 400,
						body: {
							message:
								'POST a JSON body {"service": "bulkTextMessage" or "bulkGate", "from": "+447700900555", "text": "Hello"}',
						},
					};
				}
				void this.receive(service, from, text);
				return { status: 202, body: { message: `An SMS from ${from} arrives at ${service}` } };
			},
		};
	}

	/** Schedules the reports of a request that stored messages, as a gateway reports shortly after. */
	private watch(service: BulkTextMessageEmulator | BulkGateEmulator): ServiceHandler {
		return {
			name: service.name,
			handle: (request: EmulatorRequest): EmulatorResponse | undefined => {
				const before = service.messages.length;
				const answer = service.handle(request);
				const delay = this.options.reportDelayMs;
				if (delay !== undefined && service.messages.length > before && !this.reportTimer) {
					this.reportTimer = setTimeout(() => void this.deliverReports(), delay);
				}
				return answer;
			},
		};
	}
}
