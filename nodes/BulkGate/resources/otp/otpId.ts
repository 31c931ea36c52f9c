import type { INodeProperties } from 'n8n-workflow';
import { InvalidInputError, kindOf } from '../../../shared/invalidInput';

export function otpIdField(operation: string): INodeProperties {
	return {
		displayName: 'OTP ID',
		name: 'otpId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'otp-65cca8b4b6a6a2.24308291',
		description: 'The otpId that OTP → Send returned, one per input item',
		displayOptions: { show: { resource: ['otp'], operation: [operation] } },
	};
}

export function readOtpId(value: unknown): string {
	if (typeof value !== 'string') {
		throw new InvalidInputError('OTP ID', `OTP ID is ${kindOf(value)}`, 'Map the otpId that OTP → Send returned.');
	}
	if (value.trim() === '') {
		throw new InvalidInputError('OTP ID', 'OTP ID is empty', 'Map the otpId that OTP → Send returned.');
	}
	return value.trim();
}
