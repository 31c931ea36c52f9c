import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialBaseUrl';
import { credentialSecrets, redactValue } from '../shared/redact';
import { CREDENTIAL_TYPE, describeError, okEnvelope } from './transport';

/** Every contact group, across all pages, for the Contact Group dropdown. */
export async function getContactGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const url = await credentialBaseUrl.call(this, CREDENTIAL_TYPE);
	const groups: INodePropertyOptions[] = [];
	for (let page = 1; ; page++) {
		const body = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'GET',
			baseURL: url,
			url: '/contact_group/',
			qs: { page },
			json: true,
		});
		const envelope = okEnvelope(body);
		if (!envelope || !Array.isArray(envelope.data)) {
			const shown = redactValue(body, await credentialSecrets.call(this, CREDENTIAL_TYPE));
			throw new NodeApiError(this.getNode(), (shown ?? {}) as JsonObject, {
				message: describeError(shown, 200),
			});
		}
		for (const group of envelope.data as IDataObject[]) {
			groups.push({ name: String(group.name), value: String(group.id) });
		}
		const pagination = ((envelope.meta as IDataObject | undefined)?.pagination ?? {}) as IDataObject;
		if (envelope.data.length === 0 || Number(pagination.current_page ?? page) >= Number(pagination.total_pages ?? page)) {
			break;
		}
	}
	return groups.sort((a, b) => a.name.localeCompare(b.name));
}
