// The raw floor: the same batches a send operation makes, posted one after another by a plain
// HTTP client (Node's fetch), with no n8n. Prints one JSON line. argv: JSON { service, count, batchSize, urls }
const spec = JSON.parse(process.argv[2]);
const TEXT = 'Your order has shipped. Track it in the app.';
const phone = (i) => `+44770${String(i).padStart(7, '0')}`;

async function post(url, body, headers = {}) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	const answer = await response.json();
	if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer)}`);
	return answer;
}

const started = performance.now();
if (spec.service === 'bulkTextMessage') {
	const base = spec.urls.bulkTextMessageUrl;
	const tokenResponse = await fetch(`${base}/oauth/access_token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: 'grant_type=client_credentials&client_id=client-1&client_secret=secret-1',
	});
	const { access_token: token } = await tokenResponse.json();
	for (let start = 0; start < spec.count; start += spec.batchSize) {
		const list = [];
		for (let i = start; i < Math.min(start + spec.batchSize, spec.count); i++) list.push({ to: phone(i), external_id: i + 1 });
		await post(`${base}/sms/to_many`, { body: TEXT, list }, { authorization: `Bearer ${token}` });
	}
} else {
	for (let start = 0; start < spec.count; start += spec.batchSize) {
		const number = [];
		for (let i = start; i < Math.min(start + spec.batchSize, spec.count); i++) {
			number.push({ number: phone(i).slice(1), text: TEXT });
		}
		await post(`${spec.urls.bulkGateUrl}/api/2.0/advanced/promotional`, {
			application_id: '12345',
			application_token: 'token-12345',
			number,
			channel: { sms: { sender_id: 'gSystem', unicode: false } },
		});
	}
}
process.stdout.write(`${JSON.stringify({ wallMs: performance.now() - started })}\n`);
