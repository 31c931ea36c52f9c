import type { IDataObject, INodeParameters } from 'n8n-workflow';

/** The three BulkTextMessage send operations, with the endpoint each one posts to. */
export const SEND_OPERATIONS = [
	{ operation: 'send', path: '/api/v1/sms/' },
	{ operation: 'sendToMany', path: '/api/v1/sms/to_many' },
	{ operation: 'sendMany', path: '/api/v1/sms/many' },
] as const;

export type SendOperation = (typeof SEND_OPERATIONS)[number];

export const phone = (i: number) => `+4477009${String(i).padStart(5, '0')}`;

/** Parameters that map recipient, text and external ID from each item. */
export function sendParameters(operation: string, options: IDataObject = {}): INodeParameters {
	return {
		resource: 'sms',
		operation,
		to: '={{ $json.phone }}',
		message: '={{ $json.text }}',
		additionalFields: { externalId: '={{ $json.ext }}' },
		options: { batchSize: 10, ...options } as INodeParameters,
	};
}

export function recipients(count: number, firstExternalId: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		phone: phone(firstExternalId + i),
		text: 'Fault test',
		ext: firstExternalId + i,
	}));
}
