/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads every file in examples/, which n8n's Cloud rules forbid in shipped nodes */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// How the examples look when imported: their names in the workflow list, their canvas layout.

interface ExampleNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

const folder = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(folder)
	.filter((file) => file.endsWith('.json'))
	.map((file) => [file, JSON.parse(readFileSync(join(folder, file), 'utf8'))] as const);

/** n8n 2.x draws a regular node 100 × 100 from its position; sticky notes default to 240 × 160. */
const NODE_SIZE = 100;
/** Free space kept between a sticky note and any node, so the node is clearly not on it. */
const GAP = 20;

function box(node: ExampleNode) {
	const sticky = node.type === 'n8n-nodes-base.stickyNote';
	const [x, y] = node.position;
	const width = sticky ? (node.parameters.width ?? 240) : NODE_SIZE;
	const height = sticky ? (node.parameters.height ?? 160) : NODE_SIZE;
	return { left: x, top: y, right: x + width, bottom: y + height };
}

describe.each(examples)('example %s', (_file, workflow: { name: string; nodes: ExampleNode[] }) => {
	test('is named "Service: what it does", like the others', () => {
		expect(workflow.name).toMatch(/^(BulkTextMessage|BulkGate): [a-z]/);
	});

	test('places no node on a sticky note', () => {
		const stickies = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		const others = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
		const covered = others.flatMap((node) =>
			stickies
				.filter((sticky) => {
					const a = box(sticky);
					const b = box(node);
					return b.left < a.right + GAP && b.right > a.left - GAP && b.top < a.bottom + GAP && b.bottom > a.top - GAP;
				})
				.map((sticky) => `${node.name} on ${sticky.name}`),
		);
		expect(covered).toEqual([]);
	});
});
