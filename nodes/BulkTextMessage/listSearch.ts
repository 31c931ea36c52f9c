import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialBaseUrl';
import { credentialSecrets, redactValue } from '../shared/redact';
import { CREDENTIAL_TYPE, describeError, okEnvelope } from './transport';

/** The API has no search: a filter is matched here, walking at most this many pages per call. */
const PAGES_PER_FILTERED_CALL = 10;
/** A filtered call stops early once it has a page's worth of matches (the API lists 15 per page). */
const ENOUGH_MATCHES = 15;

async function listPage(
	this: ILoadOptionsFunctions,
	path: string,
	page: number,
): Promise<{ entries: IDataObject[]; lastPage: boolean }> {
	const body = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
		method: 'GET',
		baseURL: await credentialBaseUrl.call(this, CREDENTIAL_TYPE),
		url: path,
		qs: { page },
		json: true,
	});
	const envelope = okEnvelope(body);
	if (!envelope || !Array.isArray(envelope.data)) {
		const shown = redactValue(body, await credentialSecrets.call(this, CREDENTIAL_TYPE));
		throw new NodeApiError(this.getNode(), (shown ?? {}) as JsonObject, { message: describeError(shown, 200) });
	}
	const pagination = ((envelope.meta as IDataObject | undefined)?.pagination ?? {}) as IDataObject;
	const current = Number(pagination.current_page ?? page);
	const lastPage = envelope.data.length === 0 || current >= Number(pagination.total_pages ?? current);
	return { entries: envelope.data as IDataObject[], lastPage };
}

/**
 * One API page per call, the next page number as the pagination token. With a filter, pages are
 * walked until enough entries match (by name or ID, ignoring case) or the list ends.
 */
async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	toItem: (entry: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const matches = (item: INodeListSearchItems) =>
		needle === '' || `${item.name}\n${String(item.value)}`.toLowerCase().includes(needle);
	const results: INodeListSearchItems[] = [];
	let page = Math.max(1, Number(paginationToken) || 1);
	for (let walked = 1; ; walked++, page++) {
		const { entries, lastPage } = await listPage.call(this, path, page);
		results.push(...entries.map(toItem).filter(matches));
		if (lastPage) return { results };
		if (needle === '' || results.length >= ENOUGH_MATCHES || walked >= PAGES_PER_FILTERED_CALL) {
			return { results, paginationToken: String(page + 1) };
		}
	}
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

export async function searchContactGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/contact_group/',
		(group) => ({ name: text(group.name) || `Group ${text(group.id)}`, value: text(group.id) }),
		filter,
		paginationToken,
	);
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/contact/',
		(contact) => {
			const name = text(contact.display_name) || `${text(contact.first_name)} ${text(contact.last_name)}`.trim();
			const phone = text(contact.main_phone);
			const label = [name, phone && `(${phone})`].filter(Boolean).join(' ');
			return { name: label || `Contact ${text(contact.id)}`, value: text(contact.id) };
		},
		filter,
		paginationToken,
	);
}

const SNIPPET = 40;

export async function searchMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/sms/',
		(sms) => {
			const content = text(sms.content).replace(/\s+/g, ' ');
			const snippet = content.length > SNIPPET ? `${content.slice(0, SNIPPET - 1)}…` : content;
			const party = `${sms.direction === 'incoming' ? 'from' : 'to'} ${text(sms.number)}`;
			return { name: `#${text(sms.id)} ${party}: ${snippet}`, value: text(sms.id) };
		},
		filter,
		paginationToken,
	);
}
