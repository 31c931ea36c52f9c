import type { IDataObject } from 'n8n-workflow';

/** The Base URL field of a gateway credential, without trailing slashes. */
export async function credentialBaseUrl(
	this: { getCredentials: (type: string) => Promise<IDataObject> },
	credentialType: string,
): Promise<string> {
	const credentials = await this.getCredentials(credentialType);
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}
