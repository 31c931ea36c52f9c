import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';
import { CredentialStore } from './credentialsHelper';
import { runNode } from './engine';

/** lodash-style `get` for a dotted path, as n8n evaluates rule keys. */
function valueAt(json: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], json);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Runs a credential's `test` the way n8n's credentials tester does: its request goes through
 * RoutingNode on a no-op node, a thrown error becomes the message the user sees (status text for
 * HTTP errors, the error's own message otherwise), and `responseSuccessBody` rules are checked.
 */
export async function testCredential(
	credential: ICredentialType,
	data: IDataObject,
): Promise<CredentialTestResult> {
	const store = new CredentialStore();
	const details = store.add('under-test', credential.name, data as never);
	const testRequest = credential.test!;
	const noOp: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credential.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: testRequest.request } },
			],
		},
	};
	const { items, error } = await runNode({
		type: 'noOp',
		nodeType: { fullName: 'n8n-nodes-base.noOp', type: noOp },
		parameters: { temp: '' },
		items: [{}],
		credentials: { [credential.name]: details },
		store,
	});
	if (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: error.message };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && valueAt(items[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
