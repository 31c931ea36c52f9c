import { DateTime } from 'luxon';
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { PROVIDER } from '../../transport';

function asNumber(value: unknown): number | null {
	const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(parsed) ? parsed : null;
}

/** BulkGate's answer time carries its own offset (`2018-06-13T09:57:21+02:00`); outputs use UTC. */
function asUtc(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const time = DateTime.fromISO(value.trim(), { setZone: true });
	return time.isValid ? time.toUTC().toISO() : null;
}

/**
 * postReceive after unwrapData: BulkGate's `data` in the package's vocabulary, camelCase and UTC,
 * with the original in `raw`. `credit` comes as a number, once documented as a string.
 */
export async function creditBalance(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map(({ json }) => {
		const data = json as IDataObject;
		return {
			json: {
				provider: PROVIDER,
				wallet: typeof data.wallet === 'string' ? data.wallet : null,
				credit: asNumber(data.credit),
				currency: typeof data.currency === 'string' ? data.currency : null,
				freeMessages: asNumber(data.free_messages),
				checkedAt: asUtc(data.datetime),
				raw: data,
			},
		};
	});
}
