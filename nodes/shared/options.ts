import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Options every send operation offers, so both gateways behave and read the same. */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only validate the items and return the exact requests with segment counts, without sending anything',
};

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000 },
	default: 60000,
	description:
		'How long to wait for the gateway to answer a send request. A send that times out is never repeated automatically, because it may have been accepted.',
};

/** Large enough for ≥100× fewer requests than one per recipient, small enough for quick answers. */
const DEFAULT_BATCH_SIZE = 500;

export function batchSizeOption(maximum: number): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maximum },
		default: DEFAULT_BATCH_SIZE,
		description:
			'How many recipients go into one request. Items with the same request-level fields are merged up to this size.',
	};
}

/** The options every send operation reads, with the defaults shown in the editor. */
export interface SendOptions {
	batchSize: number;
	dryRun: boolean;
	timeout: number;
}

export function readSendOptions(this: IExecuteFunctions): SendOptions {
	const raw = this.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		batchSize: Number(raw.batchSize ?? DEFAULT_BATCH_SIZE),
		dryRun: raw.dryRun === true,
		timeout: Number(raw.timeout ?? timeoutOption.default),
	};
}
