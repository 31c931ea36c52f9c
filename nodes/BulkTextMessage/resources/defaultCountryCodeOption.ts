import type { INodeProperties } from 'n8n-workflow';

/** For numbers written without a country code, in sends and when creating contacts. */
export const defaultCountryCodeOption: INodeProperties = {
	displayName: 'Default Country Code',
	name: 'defaultCountryCode',
	type: 'string',
	default: '',
	placeholder: '+44',
	description:
		'Calling code put in front of numbers written without one (a leading 0 is dropped). Leave empty to require international numbers.',
};
