import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { InvalidInputError, kindOf } from '../../../shared/invalidInput';
import { itemParameter } from '../../../shared/itemParameters';
import { isObject } from '../../../shared/json';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';
import { otpIdField, readOtpId } from './otpId';

export const otpVerifyDescription: INodeProperties[] = [
	otpIdField('verify'),
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456',
		description: 'The code the user entered',
		displayOptions: { show: { resource: ['otp'], operation: ['verify'] } },
	},
];

function readCode(value: unknown): string {
	const code = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof code !== 'string') {
		throw new InvalidInputError('Code', `Code is ${kindOf(code)}`, 'Map the code the user entered, as text.');
	}
	if (code.trim() === '') throw new InvalidInputError('Code', 'Code is empty', 'Map the code the user entered.');
	return code.trim();
}

/** Whether the user's code is right; a wrong code is `verified: false`, not an error. */
export async function otpVerify(this: IExecuteFunctions) {
	return await perItem(
		this,
		'It was not verified.',
		(itemIndex) => ({
			id: readOtpId(itemParameter.call(this, 'otpId', itemIndex)),
			code: readCode(itemParameter.call(this, 'code', itemIndex)),
		}),
		async ({ id, code }, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.otpVerify, { id, code });
			if (!answer.ok) throw callError.call(this, itemIndex, answer.message);
			const data = isObject(answer.data) ? answer.data : {};
			if (typeof data.verified !== 'boolean') {
				throw callError.call(this, itemIndex, 'BulkGate answered the verification without saying whether the code is right');
			}
			return { provider: PROVIDER, otpId: id, verified: data.verified, raw: data as IDataObject };
		},
	);
}
