import type { IDataObject } from 'n8n-workflow';
import type { TextMeasure } from './segments';

/** One output item per recipient, the same shape for every send operation of both gateways. */
export interface SendResult extends IDataObject {
	provider: string;
	messageId: string | number | null;
	externalId: string | number | null;
	to: string;
	status: string;
	accepted: boolean;
	scheduledAt: string | null;
	encoding: TextMeasure['encoding'];
	characters: number;
	segments: number;
	raw: IDataObject | null;
}
