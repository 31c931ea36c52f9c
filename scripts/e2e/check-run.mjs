// Checks the run JSON of `n8n execute --rawOutput`: success, and 1,000 accepted send results.
import { readFileSync } from 'node:fs';

const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const items = run.data?.resultData?.runData?.Send?.[0]?.data?.main?.[0] ?? [];
const accepted = items.filter((item) => item.json.accepted === true);
const first = items[0]?.json;
console.log(`status ${run.status}: ${items.length} items, ${accepted.length} accepted; first: ${JSON.stringify(first)}`);
if (run.status !== 'success' || items.length !== 1000 || accepted.length !== 1000) process.exit(1);
