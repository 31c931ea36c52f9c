import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import {
	executeBatchedSend,
	type BatchedSend,
	type PreparedRecipient,
	type RecipientOutcome,
} from '../../../shared/batchSend';
import { credentialBaseUrl } from '../../../shared/credentialBaseUrl';
import { SendRun } from '../../../shared/sendRun';
import { CREDENTIAL_TYPE, PROVIDER, readError, readIds } from '../../transport';
import { compact, readSmsInput, readSmsSendOptions, type SmsInput } from './smsInput';

type Shape = 'single' | 'sameText' | 'textPerRecipient';

/** How each send operation splits an SMS into request-level fields and its own list entry. */
function split(sms: SmsInput, shape: Shape): { shared: IDataObject; entry: IDataObject } {
	const common = { from: sms.from, scheduled: sms.scheduled };
	const recipient = { to: sms.to, external_id: sms.externalId ?? undefined };
	switch (shape) {
		case 'single':
			return { shared: {}, entry: compact({ ...recipient, body: sms.text, ...common }) };
		case 'sameText':
			return { shared: compact({ body: sms.text, ...common }), entry: compact(recipient) };
		case 'textPerRecipient':
			return { shared: compact(common), entry: compact({ ...recipient, body: sms.text }) };
	}
}

const endpoint: Record<Shape, string> = {
	single: '/sms/',
	sameText: '/sms/to_many',
	textPerRecipient: '/sms/many',
};

function howToCheck(recipient: PreparedRecipient): string {
	return recipient.externalId !== null
		? `Check with SMS → Get by External ID (external ID ${recipient.externalId}) before sending again.`
		: 'Check with SMS → Get Many (newest first) before sending again; an External ID on each send makes this check exact.';
}

function readSingle(body: unknown, scheduled: boolean): RecipientOutcome[] {
	const data = (body as IDataObject | undefined)?.data as IDataObject | undefined;
	if ((body as IDataObject | undefined)?.result === 'ok' && data && Number.isInteger(data.id)) {
		return [
			{
				accepted: true,
				messageId: data.id as number,
				status: scheduled ? 'scheduled' : String(data.status ?? 'queued'),
				raw: data,
			},
		];
	}
	readIds(body, 1);
	return [];
}

function readList(body: unknown, recipients: Array<PreparedRecipient>): RecipientOutcome[] {
	return readIds(body, recipients.length).map((id, position): RecipientOutcome => {
		if (id === -1) {
			return {
				accepted: false,
				message: `${PROVIDER} did not accept the message to ${recipients[position].to} (it answered id -1)`,
				code: id,
				reason: 'not accepted (id -1)',
				raw: { id },
			};
		}
		return {
			accepted: true,
			messageId: id,
			status: recipients[position].scheduledAt ? 'scheduled' : 'queued',
			raw: { id },
		};
	});
}

/** Runs one of the SMS send operations through the shared batched-send pipeline. */
export async function sendSms(this: IExecuteFunctions, shape: Shape) {
	const options = readSmsSendOptions.call(this);
	const url = options.dryRun ? '' : await credentialBaseUrl.call(this, CREDENTIAL_TYPE);
	const definition: BatchedSend = {
		provider: PROVIDER,
		credentialType: CREDENTIAL_TYPE,
		renewsToken: true,
		batchSize: shape === 'single' ? 1 : options.batchSize,
		dryRun: options.dryRun,
		listKey: shape === 'single' ? undefined : 'list',
		prepare: (itemIndex) => {
			const sms = readSmsInput.call(this, itemIndex, options);
			const { shared, entry } = split(sms, shape);
			return {
				itemIndex,
				to: sms.to,
				externalId: sms.externalId,
				scheduledAt: sms.scheduledAt,
				measure: sms.measure,
				entry,
				shared,
				groupKey: shape === 'single' ? String(itemIndex) : JSON.stringify(shared),
			};
		},
		buildRequest: (shared, entries): IHttpRequestOptions => ({
			method: 'POST',
			baseURL: url,
			url: endpoint[shape],
			body: shape === 'single' ? entries[0] : { ...shared, list: entries },
			json: true,
			timeout: options.timeout,
		}),
		readResponse: (body, recipients) =>
			shape === 'single' ? readSingle(body, recipients[0].scheduledAt !== null) : readList(body, recipients),
		readError,
		howToCheck,
	};
	const run = new SendRun(this, PROVIDER);
	const items = await executeBatchedSend.call(this, definition, run);
	run.finish(items);
	return [items];
}
