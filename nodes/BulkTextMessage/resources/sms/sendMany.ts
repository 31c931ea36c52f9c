import type { IExecuteFunctions } from 'n8n-workflow';
import { sendFields } from './sendFields';
import { sendSms } from './delivery';

export const smsSendManyDescription = sendFields('sendMany');

export async function sendMany(this: IExecuteFunctions) {
	return await sendSms.call(this, 'textPerRecipient');
}
