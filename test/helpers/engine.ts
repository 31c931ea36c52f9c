import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeListSearchResult,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { BulkGateApi } from '../../credentials/BulkGateApi.credentials';
import { BulkTextMessageApi } from '../../credentials/BulkTextMessageApi.credentials';
import { BulkGate } from '../../nodes/BulkGate/BulkGate.node';
import { BulkTextMessage } from '../../nodes/BulkTextMessage/BulkTextMessage.node';
import { CredentialStore, TestCredentialsHelper } from './credentialsHelper';

export const PACKAGE = 'n8n-nodes-bulk-sms';

/** Every node and credential of the package, as n8n would load them. */
const nodeClasses: INodeType[] = [new BulkTextMessage(), new BulkGate()];
const credentialClasses: ICredentialType[] = [new BulkTextMessageApi(), new BulkGateApi()];

const nodesByType = new Map(nodeClasses.map((type) => [`${PACKAGE}.${type.description.name}`, type]));

class NodeTypes implements INodeTypes {
	constructor(private readonly extra?: RunOptions['nodeType']) {}

	getByName(name: string) {
		const type = name === this.extra?.fullName ? this.extra.type : nodesByType.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number) {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes() {
		return {};
	}
}

export type RunOptions = {
	/** Node name as in the package, e.g. 'bulkTextMessage'. */
	type: string;
	/** A node type that is not part of the package (the credential tester's stand-in). */
	nodeType?: { fullName: string; type: INodeType };
	parameters: INodeParameters;
	items: IDataObject[];
	credentials: Record<string, INodeCredentialsDetails>;
	store: CredentialStore;
} & RunSettings;

/** The node's Settings tab, as a user sets it. */
export interface RunSettings {
	/** On Error: Continue (regular output). */
	continueOnFail?: boolean;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Retry On Fail with this many tries (n8n allows 2 to 5); 1 ms between tries. */
	maxTries?: number;
	timezone?: string;
}

export interface NodeRun {
	run: IRun;
	/** The node's output items, or [] when it failed. */
	items: INodeExecutionData[];
	/** The error output's items (On Error: Continue (using error output)). */
	errorItems: INodeExecutionData[];
	/** The notices the node left for the editor's output pane. */
	hints: string[];
	/** The error that stopped the node (without On Error: Continue). */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
}

/** Each run is its own execution, with its own ID, as in n8n. */
let executionCount = 0;

function environment(options: Omit<RunOptions, 'items'>) {
	const executionId = `execution-${++executionCount}`;
	const node: INode = {
		id: 'node-under-test',
		name: 'Node',
		type: options.nodeType?.fullName ?? `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.onError ? { onError: options.onError } : {}),
		...(options.maxTries ? { retryOnFail: true, maxTries: options.maxTries, waitBetweenTries: 1 } : {}),
	};
	const workflowData = {
		id: 'workflow-under-test',
		name: 'Test',
		nodes: [node],
		connections: {},
		active: false,
		settings: { executionOrder: 'v1' as const, timezone: options.timezone ?? 'UTC' },
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes: new NodeTypes(options.nodeType), staticData: {} });
	const credentialTypes = new Map(credentialClasses.map((type) => [type.name, type]));
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, options.store),
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		userId: 'test-user',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Code nodes are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, additionalData, node: workflow.getNode('Node') as INode };
}

/** Executes one node with the given input items through n8n-core's WorkflowExecute. */
export async function runNode(options: RunOptions): Promise<NodeRun> {
	const { workflow, additionalData, node } = environment(options);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [options.items.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const taskData = run.data.resultData.runData.Node?.[0];
	return {
		run,
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		hints: (taskData?.hints ?? []).map((hint) => hint.message),
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
	};
}

/** Calls one of the node's `methods.listSearch` (resource locator lists) in n8n-core's real LoadOptionsContext. */
export async function listSearch(
	method: string,
	options: Omit<RunOptions, 'items'> & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { workflow, additionalData, node } = environment(options);
	const type = nodesByType.get(node.type);
	const search = type?.methods?.listSearch?.[method];
	if (!search) throw new Error(`${node.type} has no listSearch method ${method}`);
	return await search.call(
		new LoadOptionsContext(workflow, node, additionalData, ''),
		options.filter,
		options.paginationToken,
	);
}

/** The node's canvas subtitle for these parameters, evaluated by n8n-workflow's expression engine. */
export function subtitleOf(type: string, parameters: INodeParameters): unknown {
	const { workflow, node } = environment({ type, parameters, credentials: {}, store: new CredentialStore() });
	const { subtitle } = workflow.nodeTypes.getByName(node.type).description;
	return workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {});
}

/** n8n-core's DI starts an SSH client manager with a 60 s interval; stop it so jest can exit. */
export function shutdownEngine(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
