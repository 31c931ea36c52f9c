/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: a real HTTP server on loopback with timers, which n8n's Cloud rules forbid in shipped nodes */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { echoBody, FaultQueue, type Fault } from './faults';
import type { EmulatorRequest, EmulatorResponse, RecordedRequest, ServiceHandler } from './types';

export interface Emulator {
	url: string;
	requests: RecordedRequest[];
	faults: FaultQueue;
	inject(fault: Fault): void;
	/** Requests whose path matches, in arrival order. */
	requestsTo(method: string, path: string | RegExp): RecordedRequest[];
	/** Adds a fixed delay to every answer (a gateway's round trip). */
	latencyMs: number;
	close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (raw === '') return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) return { ...parseQuery(raw) };
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
}

function readRequest(message: IncomingMessage, raw: string): EmulatorRequest {
	const url = new URL(message.url ?? '/', 'http://127.0.0.1');
	return {
		method: message.method ?? 'GET',
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers: message.headers,
		body: parseBody(raw, message.headers['content-type']),
		rawBody: raw,
	};
}

function write(res: ServerResponse, answer: EmulatorResponse): void {
	const isText = typeof answer.body === 'string';
	res.writeHead(answer.status, {
		'content-type': isText ? 'text/html' : 'application/json',
		...answer.headers,
	});
	res.end(answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body));
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the emulator of the given gateways on 127.0.0.1 with a random port. */
export async function startEmulator(services: ServiceHandler[]): Promise<Emulator> {
	const requests: RecordedRequest[] = [];
	const faults = new FaultQueue();
	const emulator = { latencyMs: 0 } as Emulator;

	const handle = async (message: IncomingMessage, res: ServerResponse, raw: string) => {
		const request = readRequest(message, raw);
		const fault = faults.take(request.method, request.path);
		let answer: EmulatorResponse | undefined;
		let service = 'unknown';
		if (!fault || fault.afterHandling || (fault.status === undefined && !fault.reset && !fault.echo)) {
			for (const handler of services) {
				answer = handler.handle(request);
				if (answer) {
					service = handler.name;
					break;
				}
			}
		}
		answer ??= { status: 404, body: { error: 'not_found', message: `No route for ${request.method} ${request.path}` } };
		if (fault?.echo) {
			const status = fault.status ?? 400;
			answer = { status, body: echoBody(request, status), headers: fault.headers };
		} else if (fault?.status !== undefined) {
			answer = { status: fault.status, body: fault.body, headers: fault.headers };
		}
		requests.push({ ...request, service, status: fault?.reset ? 0 : answer.status });
		const delay = emulator.latencyMs + (fault?.delayMs ?? 0);
		if (delay > 0) await sleep(delay);
		if (fault?.reset) {
			res.socket?.destroy();
			return;
		}
		if (!res.destroyed) write(res, answer);
	};

	const server: Server = createServer((message, res) => {
		const chunks: Buffer[] = [];
		message.on('data', (chunk: Buffer) => chunks.push(chunk));
		message.on('end', () => {
			handle(message, res, Buffer.concat(chunks).toString('utf8')).catch((error: Error) => {
				write(res, { status: 500, body: { error: 'emulator_failure', message: error.message } });
			});
		});
	});
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return Object.assign(emulator, {
		url: `http://127.0.0.1:${port}`,
		requests,
		faults,
		inject: (fault: Fault) => faults.add(fault),
		requestsTo: (method: string, path: string | RegExp) =>
			requests.filter(
				(r) => r.method === method && (path instanceof RegExp ? path.test(r.path) : r.path === path),
			),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	});
}
