import type { IExecuteFunctions } from 'n8n-workflow';
import { sendFields } from './sendFields';
import { sendSms } from './delivery';

export const smsSendToManyDescription = sendFields('sendToMany');

export async function sendToMany(this: IExecuteFunctions) {
	return await sendSms.call(this, 'sameText');
}
