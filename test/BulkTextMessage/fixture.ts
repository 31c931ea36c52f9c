import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { BulkTextMessageEmulator } from '../emulator/bulkTextMessage';
import { startEmulator, type Emulator } from '../emulator/server';
import { CredentialStore } from '../helpers/credentialsHelper';
import { runNode, type NodeRun, type RunSettings } from '../helpers/engine';

export const CLIENT_SECRET = 'secret-1';

/** An emulator with the BulkTextMessage API and a stored credential pointing at it. */
export class BulkTextMessageFixture {
	emulator!: Emulator;

	readonly api = new BulkTextMessageEmulator();

	readonly store = new CredentialStore();

	credentials = { bulkTextMessageApi: { id: 'btm', name: 'BulkTextMessage' } };

	async start(): Promise<void> {
		this.emulator = await startEmulator([this.api]);
		this.store.add('btm', 'bulkTextMessageApi', {
			clientId: 'client-1',
			clientSecret: CLIENT_SECRET,
			baseUrl: this.api.baseUrl(this.emulator.url),
			accessToken: '',
		});
	}

	/** Forgets logged requests and pending faults; stored messages and the token stay. */
	reset(): void {
		this.emulator.requests.length = 0;
		this.emulator.faults.clear();
		this.api.refusedNumbers.clear();
	}

	async stop(): Promise<void> {
		await this.emulator.close();
	}

	run(parameters: INodeParameters, items: IDataObject[] = [{}], extra: RunSettings = {}): Promise<NodeRun> {
		return runNode({
			type: 'bulkTextMessage',
			parameters,
			items,
			credentials: this.credentials,
			store: this.store,
			...extra,
		});
	}

	/** The bodies of the requests to an SMS endpoint, in order. */
	bodies(path: string): Array<Record<string, unknown>> {
		return this.emulator.requestsTo('POST', path).map((r) => r.body as Record<string, unknown>);
	}

	/** Token exchanges the emulator saw. */
	tokenRequests(): number {
		return this.emulator.requestsTo('POST', '/api/v1/oauth/access_token').length;
	}
}
