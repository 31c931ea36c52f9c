// Test-only: a real HTTP server (node:http, node:querystring) stands in for n8n's webhook server.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';
import { HookContext, parseIncomingMessage, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	jsonParse,
	type IDataObject,
	type IHttpRequestMethods,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

const PACKAGE = 'n8n-nodes-bulk-sms';
const WEBHOOK_ID = '6f1c2d3e-0000-4000-8000-000000000001';

/** What n8n's body parser leaves on the request, plus what express adds. */
type WebhookRequest = IncomingMessage & { query: IDataObject; body?: unknown };
type ExpressLikeResponse = ServerResponse & {
	status(code: number): ExpressLikeResponse;
	send(body: unknown): ExpressLikeResponse;
};

export interface WebhookServer {
	/** The production URL of the trigger's webhook. */
	url: string;
	/** Item JSON of every execution the trigger started, in order. */
	executions: IDataObject[][];
	/** Errors thrown by the node's webhook(). */
	errors: Error[];
	/** The context n8n gives the webhook lifecycle methods on activation. */
	hookContext(): HookContext;
	close(): Promise<void>;
}

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	const type = `${PACKAGE}.${nodeType.description.name}`;
	const getByName = (name: string) => {
		if (name !== type) throw new Error(`Unknown node type ${name}`);
		return nodeType;
	};
	return {
		getByName,
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(getByName(name), version),
		getKnownTypes: () => ({}),
	};
}

async function readRawBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * n8n's body parser as it runs for a version-1 trigger: JSON, form (querystring, 1000 keys)
 * and text bodies are parsed, anything else is left as raw bytes; unparsable JSON is 422.
 */
function parseBody(request: WebhookRequest): { ok: true } | { ok: false } {
	const { rawBody, contentType, encoding } = request;
	if (!rawBody.length) return { ok: true };
	const text = rawBody.toString(encoding ?? 'utf-8');
	if (contentType === 'application/json') {
		try {
			request.body = jsonParse(text);
		} catch {
			return { ok: false };
		}
	} else if (contentType === 'application/x-www-form-urlencoded') {
		request.body = parseQueryString(text, undefined, undefined, { maxKeys: 1000 });
	} else if (contentType === 'text/plain') {
		request.body = text;
	}
	return { ok: true };
}

function expressLike(response: ServerResponse): ExpressLikeResponse {
	const extended = response as ExpressLikeResponse;
	extended.status = (code) => {
		response.statusCode = code;
		return extended;
	};
	extended.send = (body) => {
		if (typeof body === 'string') {
			if (!response.hasHeader('Content-Type')) response.setHeader('Content-Type', 'text/html');
			response.end(body);
		} else {
			response.setHeader('Content-Type', 'application/json');
			response.end(JSON.stringify(body));
		}
		return extended;
	};
	return extended;
}

/**
 * Starts a server on 127.0.0.1 that runs the trigger's real webhook() inside n8n-core's
 * WebhookContext for every call to its URL, and answers the way n8n's webhook server does.
 */
export async function startWebhookServer(
	nodeType: INodeType,
	parameters: INodeParameters,
): Promise<WebhookServer> {
	const { description, webhook } = nodeType;
	if (webhook === undefined) throw new Error(`${description.name} has no webhook()`);
	const node: INode = {
		id: 'trigger-node',
		name: description.defaults.name ?? description.displayName,
		type: `${PACKAGE}.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters,
	};
	const workflow = new Workflow({
		id: 'webhook-test-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypesFor(nodeType),
		staticData: {},
	});
	const workflowNode = workflow.getNode(node.name) as INode;
	const [webhookDescription] = description.webhooks ?? [];
	const methods = String(
		workflow.expression.getSimpleParameterValue(
			workflowNode,
			webhookDescription.httpMethod,
			'webhook',
			{},
		),
	)
		.split(',')
		.map((method) => method.trim());
	const path = String(webhookDescription.path);
	const webhookPath = `/webhook/${NodeHelpers.getNodeWebhookPath(workflow.id, workflowNode, path)}`;
	const responseData = String(
		workflow.expression.getComplexParameterValue(
			workflowNode,
			webhookDescription.responseData,
			'webhook',
			{},
			undefined,
			'firstEntryJson',
		),
	);

	const executions: IDataObject[][] = [];
	const errors: Error[] = [];
	let baseUrl = '';
	const additionalData = (extra: object) =>
		({
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			instanceBaseUrl: `${baseUrl}/`,
			restApiUrl: `${baseUrl}/rest`,
			executionId: undefined,
			variables: {},
			...extra,
		}) as unknown as IWorkflowExecuteAdditionalData;

	const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
		const request = incoming as WebhookRequest;
		const response = expressLike(outgoing);
		const url = new URL(request.url ?? '/', baseUrl);
		const method = request.method ?? 'GET';
		if (url.pathname !== webhookPath || !methods.includes(method)) {
			response.status(404).send({ code: 404, message: 'The requested webhook is not registered.' });
			return;
		}

		parseIncomingMessage(request);
		request.rawBody = await readRawBody(request);
		request.query = parseQueryString(url.search.slice(1)) as IDataObject;
		if (!parseBody(request).ok) {
			response.status(422).send({ code: 422, message: 'Failed to parse request body' });
			return;
		}

		const webhookData: IWebhookData = {
			httpMethod: method as IHttpRequestMethods,
			node: workflowNode.name,
			path: webhookPath,
			webhookDescription,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData({}),
			webhookId: WEBHOOK_ID,
		};
		const context = new WebhookContext(
			workflow,
			workflowNode,
			additionalData({ httpRequest: request, httpResponse: response }),
			'webhook',
			webhookData,
			[],
			null,
		);

		let result;
		try {
			result = await webhook.call(context);
		} catch (error) {
			errors.push(error as Error);
			response
				.status(500)
				.send({ code: 500, message: 'Workflow Webhook Error: Workflow could not be started!' });
			return;
		}

		if (result.noWebhookResponse === true) {
			if (!response.writableEnded) {
				errors.push(new Error('The node asked n8n not to answer but did not answer itself'));
				response.status(500).end();
			}
			return;
		}
		if (result.workflowData !== undefined) {
			executions.push(result.workflowData[0].map((item) => item.json));
			response.status(200).send(responseData === 'noData' ? '' : responseData);
			return;
		}
		response.status(200).send(result.webhookResponse ?? { message: 'Webhook call received' });
	};

	const server = createServer((incoming, outgoing) => {
		handle(incoming, outgoing).catch((error: Error) => {
			errors.push(error);
			if (!outgoing.headersSent) outgoing.statusCode = 500;
			outgoing.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		url: `${baseUrl}${webhookPath}`,
		executions,
		errors,
		hookContext: () =>
			new HookContext(workflow, workflowNode, additionalData({}), 'trigger', 'activate', undefined),
		close: async () =>
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			),
	};
}
