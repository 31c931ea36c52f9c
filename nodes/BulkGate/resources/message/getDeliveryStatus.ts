import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../../shared/itemParameters';
import { InvalidInputError, kindOf } from '../../../shared/invalidInput';
import { isObject } from '../../../shared/json';
import { callBulkGate, callError, perItem } from '../../call';
import { ENDPOINTS, PROVIDER } from '../../transport';

const show = { resource: ['message'], operation: ['getDeliveryStatus'] };

/** BulkGate's report codes, as its delivery reports use them. */
const STATUS_BY_CODE: Readonly<Record<number, string>> = { 1: 'delivered', 2: 'buffered', 3: 'failed', 13: 'seen' };

export const getDeliveryStatusDescription: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'promotional-64afe5f28ffc2-0',
		description: 'The messageId a send of this node returned, mapped from its output. One lookup per input item.',
		displayOptions: { show },
	},
];

function readMessageId(value: unknown): string {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (typeof value !== 'string') {
		throw new InvalidInputError('Message ID', `Message ID is ${kindOf(value)}`, 'Map the messageId of a send, e.g. {{ $json.messageId }}.');
	}
	if (value.trim() === '') {
		throw new InvalidInputError(
			'Message ID',
			'Message ID is empty',
			'Map the messageId a send returned, e.g. {{ $json.messageId }}; a send whose outcome is unknown has none.',
		);
	}
	return value.trim();
}

/** BulkGate's status, as a code (1 delivered…) or a word, becomes the package's word plus statusCode. */
function statusOf(raw: unknown): { status: string; statusCode: number | string | null } {
	const code = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
	if (typeof code === 'number') return { status: STATUS_BY_CODE[code] ?? 'status', statusCode: code };
	if (typeof code === 'string' && code.trim() !== '') return { status: code.trim().toLowerCase(), statusCode: code };
	return { status: 'unknown', statusCode: null };
}

/** BulkGate gives prices as numbers or numeric strings ("0.71"). */
function priceOf(value: unknown): number | null {
	const price = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof price === 'number' && Number.isFinite(price) ? price : null;
}

export async function getDeliveryStatus(this: IExecuteFunctions) {
	return await perItem(
		this,
		'Nothing was looked up for this item.',
		(itemIndex) => readMessageId(itemParameter.call(this, 'messageId', itemIndex)),
		async (messageId, itemIndex) => {
			const answer = await callBulkGate.call(this, ENDPOINTS.deliveryStatus, { message_id: messageId });
			if (!answer.ok) throw callError.call(this, itemIndex, answer.message);
			const data = (Array.isArray(answer.data) ? answer.data[0] : answer.data) as unknown;
			const report: IDataObject = isObject(data) ? data : {};
			const number = typeof report.number === 'string' || typeof report.number === 'number' ? String(report.number) : null;
			return {
				provider: PROVIDER,
				messageId,
				...statusOf(report.status),
				to: number ? `+${number.replace(/^\+/, '')}` : null,
				channel: typeof report.channel === 'string' ? report.channel : null,
				price: priceOf(report.price),
				raw: isObject(answer.data) ? answer.data : { data: answer.data as IDataObject[] },
			};
		},
	);
}
