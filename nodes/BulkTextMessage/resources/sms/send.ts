import type { IExecuteFunctions } from 'n8n-workflow';
import { sendFields } from './sendFields';
import { sendSms } from './delivery';

export const smsSendDescription = sendFields('send');

export async function send(this: IExecuteFunctions) {
	return await sendSms.call(this, 'single');
}
