import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression, sleep } from 'n8n-workflow';

export interface StoredCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Stands in for n8n's database of credentials: what preAuthentication persists stays there for
 * the next request and the next execution, as in n8n.
 */
export class CredentialStore {
	readonly entries = new Map<string, StoredCredential>();

	/**
	 * How long a write takes to become visible, as n8n's database write of a renewed token does
	 * (in queue mode, a Postgres round trip during which other executions still read the old one).
	 */
	writeDelayMs = 0;

	add(id: string, type: string, data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		this.entries.set(id, { type, data: { ...data } });
		return { id, name: `${type} ${id}` };
	}

	get(id: string): StoredCredential {
		const entry = this.entries.get(id);
		if (!entry) throw new Error(`No credential ${id} in the test store`);
		return entry;
	}
}

/**
 * The parts of n8n's CLI CredentialsHelper that run during node execution, written after
 * packages/cli/src/credentials-helper.ts: generic `authenticate` resolved with `$credentials`,
 * and `preAuthentication` called when the expirable field is empty or the request got a 401,
 * with the result persisted.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		readonly store: CredentialStore,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by node execution');
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (entry.type !== type) throw new Error(`Credential ${nodeCredentials.id} is not a ${type}`);
		const defaults = Object.fromEntries(this.type(type).properties.map((p) => [p.name, p.default]));
		return { ...defaults, ...entry.data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (this.store.writeDelayMs > 0) await sleep(this.store.writeDelayMs);
		entry.data = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				isExpression(value)
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			requestOptions.headers ??= {};
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
				target[outerKey] ??= {};
				for (const [key, value] of Object.entries(inner as Record<string, string>)) {
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// n8n's credential tester runs a no-op node with a `temp` parameter; the exchange always runs then.
		const isTestingCredentials = node.parameters?.temp === '' && node.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;

		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (!details) return undefined;
		const stored = this.store.get(details.id ?? '');
		await this.updateCredentials(details, typeName, {
			...stored.data,
			...(output as ICredentialDataDecryptedObject),
		});
		return Object.assign(credentials, output as ICredentialDataDecryptedObject);
	}
}
