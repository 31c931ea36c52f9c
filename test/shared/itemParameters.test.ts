import type { IDataObject } from 'n8n-workflow';
import { BulkTextMessageFixture } from '../BulkTextMessage/fixture';
import { shutdownEngine } from '../helpers/engine';

// Dry runs: the requests are built from the parameters exactly as for a send, without HTTP.
const fixture = new BulkTextMessageFixture();
beforeAll(async () => await fixture.start());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

async function entries(to: string, items: IDataObject[], externalId = '') {
	const { items: output } = await fixture.run(
		{
			resource: 'sms',
			operation: 'sendToMany',
			to,
			message: 'Hi',
			additionalFields: { externalId, from: '+15550001111' },
			options: { dryRun: true },
		},
		items,
		{ continueOnFail: true },
	);
	return output.map((item) => (item.json.error as string) ?? (item.json.request as IDataObject).entry);
}

describe('per-item parameters', () => {
	test('a plain field reference reads each item’s own value, nested paths included', async () => {
		expect(
			await entries('={{ $json.customer.mobile }}', [
				{ customer: { mobile: '+447700900001' } },
				{ customer: { mobile: '+447700900002' } },
			]),
		).toEqual([{ to: '+447700900001' }, { to: '+447700900002' }]);
	});

	test('any other expression goes through n8n’s evaluator', async () => {
		expect(
			await entries('={{ "+44" + $json.local.slice(1) }}', [{ local: '07700900003', n: 5 }], '={{ $json.n * 2 }}'),
		).toEqual([{ to: '+447700900003', external_id: 10 }]);
		expect(await entries('+447700900004', [{ n: 21 }], '={{ $json.n * 2 }}')).toEqual([
			{ to: '+447700900004', external_id: 42 },
		]);
	});

	test('a reference to a field the item lacks is left to n8n, whose answer is validated as usual', async () => {
		expect(await entries('={{ $json.phone }}', [{ phone: '+447700900005' }, { other: 1 }])).toEqual([
			{ to: '+447700900005' },
			'Item 1: To is empty',
		]);
		// n8n's evaluator answers `null.mobile` with an empty value rather than an error.
		expect(await entries('={{ $json.customer.mobile }}', [{ customer: null }])).toEqual(['Item 0: To is empty']);
	});

	test('a constant parameter is the same for every item', async () => {
		const { items } = await fixture.run(
			{ resource: 'sms', operation: 'sendToMany', to: '={{ $json.p }}', message: 'Same', additionalFields: { from: '+15550001111' }, options: { dryRun: true } },
			[{ p: '+447700900006' }, { p: '+447700900007' }],
		);
		expect(items.map((item) => (item.json.request as IDataObject).body)).toEqual([
			{ body: 'Same', from: '+15550001111' },
			{ body: 'Same', from: '+15550001111' },
		]);
	});
});
