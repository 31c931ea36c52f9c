import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { countryOptions } from './countries';

// Fields both send operations share, so they read and behave the same.

export const numberField = (displayOptions: IDisplayOptions, note: string): INodeProperties => ({
	displayName: 'Number',
	name: 'number',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+420 777 777 777',
	description: `Phone number of the recipient, international (with + or 00) or national when Country is set.${note}`,
	displayOptions,
});

export const textField = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Text',
	name: 'text',
	type: 'string',
	required: true,
	default: '',
	typeOptions: { rows: 4 },
	description:
		'Text of the message, up to 612 characters (268 in Unicode). Write &lt;name&gt; where a variable goes.',
	displayOptions,
});

export const variablesField = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Variables',
	name: 'variables',
	type: 'fixedCollection',
	placeholder: 'Add Variable',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Values BulkGate puts in place of &lt;name&gt; in the text',
	displayOptions,
	options: [
		{
			displayName: 'Variable',
			name: 'variable',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'first_name',
					description: 'Name used in the text between angle brackets, without them',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
			],
		},
	],
});

export const countryOption: INodeProperties = {
	displayName: 'Country',
	name: 'country',
	type: 'options',
	options: countryOptions,
	default: '',
	description:
		'Country of numbers written without + or 00, which are then read as national numbers of it. To map it, use an expression giving the two-letter code, such as CZ.',
};

export const scheduleOption: INodeProperties = {
	displayName: 'Schedule',
	name: 'schedule',
	type: 'dateTime',
	default: '',
	description: "When to send. Times without an offset are read in the workflow's time zone. Empty sends now.",
};
