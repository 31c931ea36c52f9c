import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { BulkGateEmulator } from '../emulator/bulkGate';
import { startEmulator, type Emulator } from '../emulator/server';
import { CredentialStore } from '../helpers/credentialsHelper';
import { runNode, type NodeRun, type RunSettings } from '../helpers/engine';

export const APPLICATION_ID = '12345';
export const APPLICATION_TOKEN = 'token-12345';

export const TRANSACTIONAL = '/api/2.0/advanced/transactional';
export const PROMOTIONAL = '/api/2.0/advanced/promotional';
export const INFO = '/api/2.0/advanced/info';

/** An emulator with BulkGate's API and a stored credential pointing at it. */
export class BulkGateFixture {
	emulator!: Emulator;

	api = new BulkGateEmulator();

	readonly store = new CredentialStore();

	readonly credentials = { bulkGateApi: { id: 'bg', name: 'BulkGate' } };

	async start(): Promise<void> {
		this.emulator = await startEmulator([this.api]);
		this.store.add('bg', 'bulkGateApi', this.credentialData());
	}

	credentialData(overrides: IDataObject = {}) {
		return {
			applicationId: APPLICATION_ID,
			applicationToken: APPLICATION_TOKEN,
			baseUrl: `${this.emulator.url}/`,
			...overrides,
		};
	}

	/** A fresh BulkGate account (no history, full credit) and an empty request log. */
	reset(): BulkGateEmulator {
		this.emulator.requests.length = 0;
		this.emulator.faults.clear();
		const fresh = new BulkGateEmulator();
		Object.assign(this.api, fresh);
		return this.api;
	}

	async stop(): Promise<void> {
		await this.emulator.close();
	}

	/** Runs the BulkGate node; `credentialId` picks another stored credential (see `addCredential`). */
	run(
		parameters: INodeParameters,
		items: IDataObject[] = [{}],
		extra: RunSettings & { credentialId?: string } = {},
	): Promise<NodeRun> {
		const { credentialId, ...rest } = extra;
		const credentials = credentialId
			? { bulkGateApi: { id: credentialId, name: credentialId } }
			: this.credentials;
		return runNode({ type: 'bulkGate', parameters, items, credentials, store: this.store, ...rest });
	}

	addCredential(id: string, overrides: IDataObject): void {
		this.store.add(id, 'bulkGateApi', this.credentialData(overrides));
	}

	/** Messages stored per number, to prove nothing was sent twice. */
	storedCount(numbers: string[]): number[] {
		return numbers.map((number) => this.api.sentTo(number).length);
	}

	/** The parsed bodies of the requests to an endpoint, in order. */
	bodies(path: string): IDataObject[] {
		return this.emulator.requestsTo('POST', path).map((request) => request.body as IDataObject);
	}

	rawBodies(path: string): string[] {
		return this.emulator.requestsTo('POST', path).map((request) => request.rawBody);
	}
}

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** Valid Czech mobile numbers, different for every `i`. */
export const czech = (i: number) => `+420 7${String(i).padStart(8, '0')}`;
export const czechDigits = (i: number) => `4207${String(i).padStart(8, '0')}`;
/** The same number as outputs show it. */
export const czechE164 = (i: number) => `+${czechDigits(i)}`;
