import type { INodeProperties } from 'n8n-workflow';
import { otpResendDescription } from './resend';
import { otpSendDescription } from './send';
import { otpVerifyDescription } from './verify';

export { otpResend } from './resend';
export { otpSend } from './send';
export { otpVerify } from './verify';

export const otpDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otp'] } },
		options: [
			{
				name: 'Resend',
				value: 'resend',
				action: 'Resend a one time password',
				description: 'Send the code of an OTP again, by its otpId',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a one time password',
				description: 'Send a verification code by SMS or Viber, one per input item; BulkGate makes the code',
			},
			{
				name: 'Verify',
				value: 'verify',
				action: 'Verify a one time password',
				description: 'Check the code a user entered against its otpId',
			},
		],
		default: 'send',
	},
	...otpSendDescription,
	...otpResendDescription,
	...otpVerifyDescription,
];
