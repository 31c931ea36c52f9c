import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { toGatewayDigits } from '../../../shared/phone';

export function blacklistNumberField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+420 777 123 456',
		description: `${description} In international format, as BulkGate's blacklist takes no country`,
		displayOptions,
	};
}

export const walletOption: INodeProperties = {
	displayName: 'Wallet',
	name: 'wallet',
	type: 'string',
	default: '',
	placeholder: 'bg1805151838000001',
	description:
		'The wallet whose blacklist to use; empty for the default wallet. Account → Get Credit Balance shows its ID as `wallet`.',
};

/** The item's number as BulkGate's blacklist takes it: international digits. */
export function readBlacklistNumber(this: IExecuteFunctions, itemIndex: number): string {
	return toGatewayDigits(itemParameter.call(this, 'number', itemIndex), 'Number', false);
}

/** The optional fields that were filled in, trimmed, under BulkGate's names. */
export function filledFields(fields: IDataObject, names: Record<string, string>): IDataObject {
	const body: IDataObject = {};
	for (const [field, name] of Object.entries(names)) {
		const value = fields[field];
		if (value !== undefined && value !== null && String(value).trim() !== '') body[name] = String(value).trim();
	}
	return body;
}
