import type { INodeProperties } from 'n8n-workflow';
import { batchSizeOption, dryRunOption, timeoutOption } from '../../../shared/options';
import { defaultCountryCodeOption } from '../defaultCountryCodeOption';

type SendOperation = 'send' | 'sendToMany' | 'sendMany';

const perItemNote: Record<SendOperation, string> = {
	send: '',
	sendToMany: ' One recipient per input item.',
	sendMany: ' One recipient per input item.',
};

/** The fields of the three send operations; they differ only in how items are merged. */
export function sendFields(operation: SendOperation): INodeProperties[] {
	const show = { show: { resource: ['sms'], operation: [operation] } };
	const options: INodeProperties[] = [defaultCountryCodeOption, dryRunOption, timeoutOption];
	if (operation !== 'send') options.unshift(batchSizeOption(10000));

	return [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+44 7700 900123',
			description: `Phone number of the recipient in international format.${perItemNote[operation]}`,
			displayOptions: show,
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 4 },
			description:
				operation === 'sendToMany'
					? 'Text of the SMS. Items whose text is the same share a request.'
					: 'Text of the SMS',
			displayOptions: show,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show,
			options: [
				{
					displayName: 'External ID',
					name: 'externalId',
					type: 'string',
					default: '',
					description:
						'Whole number from your own system to find this message later with Get by External ID',
				},
				{
					displayName: 'From',
					name: 'from',
					type: 'string',
					default: '',
					description:
						'One of your BulkTextMessage numbers to send from. When empty or not yours, the first number of the account is used.',
				},
				{
					displayName: 'Schedule At',
					name: 'scheduledAt',
					type: 'dateTime',
					default: '',
					description:
						"When to send. Times without an offset are read in the workflow's time zone. Empty sends now.",
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options,
		},
	];
}
