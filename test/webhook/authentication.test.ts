import { randomBytes } from 'node:crypto';
import { NodeHelpers, type INodeParameters, type INodeType } from 'n8n-workflow';
import { BulkGateTrigger } from '../../nodes/BulkGate/BulkGateTrigger.node';
import { BulkTextMessageTrigger } from '../../nodes/BulkTextMessage/BulkTextMessageTrigger.node';
import { get, openTrigger, openTriggerAsSaved, postJson, withQuery, type Reply } from './calls';
import { bulkGateReport, sms } from './payloads';

// Fresh values each run; the characters appended exercise URL encoding and the user:password split.
const random = () => randomBytes(12).toString('base64url');
const TOKEN = `${random()}+/=`;
const SECRET = `${random()} with spaces`;
const USER = random();
const PASSWORD = `${random()}:after colon`;

function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** Each trigger with a valid call in its usual form; `url` may carry a query token. */
const triggers: Array<
	[string, INodeType, (url: string, headers?: Record<string, string>) => Promise<Reply>]
> = [
	[
		'BulkGate',
		new BulkGateTrigger(),
		async (url, headers) => await get(url, bulkGateReport(), headers),
	],
	[
		'BulkTextMessage',
		new BulkTextMessageTrigger(),
		async (url, headers) => await postJson(url, sms(), headers),
	],
];

describe.each(triggers)('%s Trigger authentication', (_name, trigger, call) => {
	async function expectAccepted(
		parameters: INodeParameters,
		send: (url: string) => Promise<Reply>,
	) {
		const server = await openTrigger(trigger, parameters);
		const reply = await send(server.url);
		expect(reply.status).toBe(200);
		expect(server.executions).toHaveLength(1);
		return server;
	}

	async function expectRefused(parameters: INodeParameters, send: (url: string) => Promise<Reply>) {
		const server = await openTrigger(trigger, parameters);
		const reply = await send(server.url);
		expect(reply.status).toBe(401);
		expect(reply.text).toBe('Unauthorized');
		expect(server.executions).toHaveLength(0);
		expect(server.errors).toEqual([]);
		return reply;
	}

	test('None accepts any call', async () => {
		await expectAccepted({ authentication: 'none' }, async (url) => await call(url));
	});

	describe('Query Token', () => {
		const parameters = { authentication: 'queryToken', queryToken: TOKEN };

		test('right token: accepted, and the token is not in the emitted data', async () => {
			const server = await expectAccepted(
				parameters,
				async (url) => await call(withQuery(url, { token: TOKEN })),
			);
			expect(JSON.stringify(server.executions)).not.toContain(TOKEN);
			expect(server.executions[0][0].raw).not.toHaveProperty('token');
		});

		test('wrong token: 401', async () => {
			await expectRefused(
				parameters,
				async (url) => await call(withQuery(url, { token: `${TOKEN}x` })),
			);
		});

		test('missing token: 401', async () => {
			await expectRefused(parameters, async (url) => await call(url));
		});

		test('token given twice: 401', async () => {
			const token = encodeURIComponent(TOKEN);
			await expectRefused(
				parameters,
				async (url) => await call(`${url}?token=${token}&token=${token}`),
			);
		});

		test('custom parameter name', async () => {
			const custom = { ...parameters, queryParameterName: 'key' };
			await expectAccepted(custom, async (url) => await call(withQuery(url, { key: TOKEN })));
			await expectRefused(custom, async (url) => await call(withQuery(url, { token: TOKEN })));
		});
	});

	describe('Header Secret', () => {
		const parameters = { authentication: 'headerSecret', headerSecret: SECRET };

		test('right secret: accepted', async () => {
			await expectAccepted(
				parameters,
				async (url) => await call(url, { 'X-Webhook-Secret': SECRET }),
			);
		});

		test('wrong secret: 401', async () => {
			await expectRefused(
				parameters,
				async (url) => await call(url, { 'X-Webhook-Secret': SECRET.slice(1) }),
			);
		});

		test('missing header: 401', async () => {
			await expectRefused(parameters, async (url) => await call(url));
		});

		test('custom header name, matched case-insensitively', async () => {
			const custom = { ...parameters, headerName: 'X-BulkGate-Key' };
			await expectAccepted(custom, async (url) => await call(url, { 'x-bulkgate-key': SECRET }));
			await expectRefused(custom, async (url) => await call(url, { 'X-Webhook-Secret': SECRET }));
		});
	});

	describe('Basic Auth', () => {
		const parameters = {
			authentication: 'basicAuth',
			basicAuthUser: USER,
			basicAuthPassword: PASSWORD,
		};

		test('right user and password: accepted', async () => {
			await expectAccepted(
				parameters,
				async (url) => await call(url, { Authorization: basic(USER, PASSWORD) }),
			);
		});

		test('wrong password: 401 with a Basic challenge', async () => {
			const reply = await expectRefused(
				parameters,
				async (url) => await call(url, { Authorization: basic(USER, 'nope') }),
			);
			expect(reply.headers.get('www-authenticate')).toMatch(/^Basic /);
		});

		test('wrong user: 401', async () => {
			await expectRefused(
				parameters,
				async (url) => await call(url, { Authorization: basic('someone', PASSWORD) }),
			);
		});

		test('missing or unreadable header: 401', async () => {
			await expectRefused(parameters, async (url) => await call(url));
			await expectRefused(parameters, async (url) => await call(url, { Authorization: 'Basic' }));
			await expectRefused(
				parameters,
				async (url) => await call(url, { Authorization: `Bearer ${PASSWORD}` }),
			);
		});
	});

	test('authentication is checked before the body: a malformed unauthenticated call gets 401', async () => {
		const server = await openTrigger(trigger, { authentication: 'queryToken', queryToken: TOKEN });

		const reply = await postJson(server.url, 'not an object');

		expect(reply.status).toBe(401);
	});

	test('an empty configured secret is an error, never an open door', async () => {
		const server = await openTrigger(trigger, { authentication: 'queryToken', queryToken: '' });

		const reply = await call(withQuery(server.url, { token: '' }));

		expect(reply.status).toBe(500);
		expect(server.executions).toHaveLength(0);
		expect(server.errors.map((error) => error.message)).toEqual([
			'Token is empty: fill it in or set Authentication to None',
		]);
	});
});

describe.each(triggers)('%s Trigger: secure by default', (_name, trigger, call) => {
	const lifecycle = (trigger as BulkGateTrigger | BulkTextMessageTrigger).webhookMethods.default;

	/** Names of the notices the editor shows for these saved parameters. */
	function noticesShown(saved: INodeParameters): string[] {
		const { description } = trigger;
		const values = NodeHelpers.getNodeParameters(description.properties, saved, true, false, null, description) ?? {};
		return description.properties
			.filter((property) => property.type === 'notice')
			.filter((property) => NodeHelpers.displayParameter(values, property, null, description))
			.map((property) => property.name);
	}

	test('a trigger saved without Authentication (the default) wants the query token: 401 without it, no execution', async () => {
		const server = await openTriggerAsSaved(trigger, { queryToken: TOKEN });

		const refused = await call(server.url);
		expect(refused.status).toBe(401);
		expect(server.executions).toHaveLength(0);

		const accepted = await call(withQuery(server.url, { token: TOKEN }));
		expect(accepted.status).toBe(200);
		expect(server.executions).toHaveLength(1);
		expect(server.errors).toEqual([]);
	});

	test('a trigger saved with no settings at all (a workflow saved under the old default None) is not activated, and stays closed', async () => {
		const server = await openTriggerAsSaved(trigger, {});

		await expect(lifecycle.create.call(server.hookContext())).rejects.toThrow(
			'Token is empty: fill it in or set Authentication to None',
		);
		const reply = await call(server.url);
		expect(reply.status).not.toBe(200);
		expect(server.executions).toHaveLength(0);
	});

	test('None has to be chosen, and then a warning is shown', () => {
		expect(noticesShown({})).not.toContain('noAuthenticationWarning');
		expect(noticesShown({ authentication: 'none' })).toContain('noAuthenticationWarning');
	});

	test('the URL notice names the configured token parameter', () => {
		const byName = Object.fromEntries(trigger.description.properties.map((p) => [p.name, p.displayName]));

		expect(noticesShown({})).toEqual(['setupNotice', 'queryTokenUrlNotice']);
		expect(byName.queryTokenUrlNotice).toContain('/webhook?token=YOUR_TOKEN');
		expect(noticesShown({ queryParameterName: 'key' })).toEqual(['setupNotice', 'queryTokenCustomUrlNotice']);
		expect(noticesShown({ authentication: 'headerSecret' })).toEqual(['setupNotice']);
	});
});
