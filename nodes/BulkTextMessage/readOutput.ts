import type { IDataObject } from 'n8n-workflow';
import { e164 } from '../shared/e164';
import { isObject } from '../shared/json';
import { fromSqlTimestamp } from '../shared/webhook/timestamps';

/*
 * What the reads (SMS Get, Get by External ID, Get Many; Contact Create, Get, Get Many; Contact
 * Group Get Many) output: the fields in the package's vocabulary (camelCase, E.164 numbers, UTC
 * times, the same names as the sends and the trigger), and the gateway's object as `raw`.
 */

const PROVIDER = 'BulkTextMessage';

const text = (value: unknown): string | null =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const id = (value: unknown): string | number | null =>
	typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null;

/** `created` is `{date: "YYYY-MM-DD HH:mm:ss.000000", timezone}`: when BulkTextMessage created the SMS. */
function createdAt(created: unknown): string | null {
	if (!isObject(created) || typeof created.date !== 'string') return null;
	return fromSqlTimestamp(created.date, typeof created.timezone === 'string' ? created.timezone : 'UTC');
}

function contactFields(contact: IDataObject): IDataObject {
	return {
		contactId: id(contact.id),
		displayName: text(contact.display_name),
		firstName: text(contact.first_name),
		lastName: text(contact.last_name),
		phone: e164(text(contact.main_phone)),
		reference: text(contact.reference),
	};
}

export function contactOutput(contact: IDataObject): IDataObject {
	return { provider: PROVIDER, ...contactFields(contact), raw: contact };
}

export function contactGroupOutput(group: IDataObject): IDataObject {
	return { provider: PROVIDER, contactGroupId: id(group.id), name: text(group.name), raw: group };
}

/** `direction` "sending" is a message you sent (`number` is its recipient), "incoming" one you received. */
export function smsOutput(sms: IDataObject): IDataObject {
	const direction = text(sms.direction)?.trim().toLowerCase();
	const inbound = direction === 'incoming';
	const number = e164(text(sms.number));
	const contact = isObject(sms.contact) && isObject(sms.contact.data) ? sms.contact.data : undefined;
	return {
		provider: PROVIDER,
		messageId: id(sms.id),
		externalId: id(sms.external_id),
		direction: inbound ? 'inbound' : direction === 'sending' ? 'outbound' : (direction ?? null),
		to: inbound ? e164(text(sms.to)) : number,
		from: inbound ? number : e164(text(sms.from)),
		text: text(sms.content),
		status: text(sms.status)?.trim().toLowerCase() ?? null,
		createdAt: createdAt(sms.created),
		contact: contact ? contactFields(contact) : null,
		raw: sms,
	};
}

const OUTPUT_OF: Record<string, (object: IDataObject) => IDataObject> = {
	sms: smsOutput,
	contact: contactOutput,
	contactGroup: contactGroupOutput,
};

/** One object a read returned, as the output item of the node's resource. */
export function readOutput(resource: string, object: IDataObject): IDataObject {
	const output = OUTPUT_OF[resource];
	return output ? output(object) : object;
}
