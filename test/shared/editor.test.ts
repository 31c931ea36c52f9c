import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { BulkGateApi } from '../../credentials/BulkGateApi.credentials';
import { BulkTextMessageApi } from '../../credentials/BulkTextMessageApi.credentials';
import { BulkGate } from '../../nodes/BulkGate/BulkGate.node';
import { BulkTextMessage } from '../../nodes/BulkTextMessage/BulkTextMessage.node';
import { subtitleOf } from '../helpers/engine';

// What the editor shows: operation names, canvas subtitles, the Viber block and the Country list.

const nodes = [new BulkTextMessage(), new BulkGate()];

function operations(properties: INodeProperties[]) {
	const resources = properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions!.show!.resource as string[]).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({
					resource,
					resourceName: resources.find((r) => r.value === resource)!.name,
					operation: String(option.value),
					name: option.name,
				})),
			),
		);
}

describe.each(nodes.map((node) => [node.description.displayName, node] as const))('%s', (_name, node) => {
	const { name: type, properties } = node.description;

	test.each(operations(properties).map((op) => [`${op.resource} → ${op.operation}`, op] as const))(
		'the canvas subtitle of %s shows the displayed names, not the stored values',
		(_label, { resource, resourceName, operation, name }) => {
			expect(subtitleOf(type, { resource, operation })).toBe(`${name}: ${resourceName}`);
		},
	);
});

describe('operation names say how a send goes out', () => {
	const names = (node: BulkTextMessage | BulkGate, resource: string) =>
		Object.fromEntries(
			operations(node.description.properties)
				.filter((op) => op.resource === resource)
				.map((op) => [op.operation, op.name]),
		);

	test('BulkTextMessage keeps the stored values send, sendToMany and sendMany under the new names', () => {
		expect(names(new BulkTextMessage(), 'sms')).toMatchObject({
			send: 'Send (One Request per Item)',
			sendToMany: 'Send Same Text to Many (Batched)',
			sendMany: 'Send Text per Recipient (Batched)',
		});
		expect(subtitleOf('bulkTextMessage', { resource: 'sms', operation: 'sendToMany' })).toBe(
			'Send Same Text to Many (Batched): SMS',
		);
	});

	test('BulkGate keeps sendTransactional and sendPromotional under the new names', () => {
		expect(names(new BulkGate(), 'message')).toMatchObject({
			sendTransactional: 'Send Transactional (One Request per Item)',
			sendPromotional: 'Send Promotional (Batched)',
		});
	});
});

describe('BulkGate fields', () => {
	const properties = new BulkGate().description.properties;

	test.each(['sendTransactional', 'sendPromotional'])(
		'%s: in a Viber channel the required Sender comes first, and no field repeats "Viber"',
		(operation) => {
			const channels = properties.find(
				(p) => p.name === 'channels' && p.displayOptions?.show?.operation?.includes(operation),
			)!;
			const values = (channels.options as INodePropertyCollection[])[0].values;
			const viberFields = values.filter((field) => field.displayOptions?.show?.type?.includes('viber'));
			expect(viberFields.map((field) => [field.name, field.displayName, field.required ?? false])).toEqual([
				['sender', 'Sender', true],
				['buttonCaption', 'Button Caption', false],
				['buttonUrl', 'Button URL', false],
				['expiration', 'Expiration (Seconds)', false],
				['text', 'Text', false],
			]);
		},
	);

	test.each(['sendTransactional', 'sendPromotional'])(
		'%s: Country is a list of ISO codes by name, storing the upper-case code',
		(operation) => {
			const fields = properties.find(
				(p) => p.name === 'additionalFields' && p.displayOptions?.show?.operation?.includes(operation),
			)!;
			const country = (fields.options as INodeProperties[]).find((field) => field.name === 'country')!;
			const options = country.options as INodePropertyOptions[];
			expect(country.type).toBe('options');
			expect(country.noDataExpression).toBeUndefined();
			expect(options).toContainEqual({ name: 'Czechia (CZ)', value: 'CZ' });
			expect(options).toContainEqual({ name: 'United Kingdom (GB)', value: 'GB' });
			expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
			expect(options.every((o) => /^[A-Z]{2}$/.test(String(o.value)) && o.name.endsWith(` (${String(o.value)})`))).toBe(true);
			expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
			expect(options.length).toBeGreaterThanOrEqual(249);
		},
	);
});

describe('credential fields say where to find each value', () => {
	test.each([
		['BulkTextMessage API', new BulkTextMessageApi().properties],
		['BulkGate API', new BulkGateApi().properties],
	])('%s', (_name, fields) => {
		const shown = fields.filter((field) => field.type !== 'hidden');
		expect(shown.filter((field) => !field.description).map((field) => field.displayName)).toEqual([]);
	});
});
