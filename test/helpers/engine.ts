import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { BulkTextMessageApi } from '../../credentials/BulkTextMessageApi.credentials';
import { BulkTextMessage } from '../../nodes/BulkTextMessage/BulkTextMessage.node';
import { CredentialStore, TestCredentialsHelper } from './credentialsHelper';

export const PACKAGE = 'n8n-nodes-bulk-sms';

/** Every node and credential of the package, as n8n would load them. */
const nodeClasses: INodeType[] = [new BulkTextMessage()];
const credentialClasses: ICredentialType[] = [new BulkTextMessageApi()];

const nodesByType = new Map(nodeClasses.map((type) => [`${PACKAGE}.${type.description.name}`, type]));

class NodeTypes implements INodeTypes {
	getByName(name: string) {
		const type = nodesByType.get(name);
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

export interface RunOptions {
	/** Node name as in the package, e.g. 'bulkTextMessage'. */
	type: string;
	parameters: INodeParameters;
	items: IDataObject[];
	credentials: Record<string, INodeCredentialsDetails>;
	store: CredentialStore;
	continueOnFail?: boolean;
	timezone?: string;
}

export interface NodeRun {
	run: IRun;
	/** The node's output items, or [] when it failed. */
	items: INodeExecutionData[];
	/** The error that stopped the node (without On Error: Continue). */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
}

/** Executes one node with the given input items through n8n-core's WorkflowExecute. */
export async function runNode(options: RunOptions): Promise<NodeRun> {
	const node: INode = {
		id: 'node-under-test',
		name: 'Node',
		type: `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
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
	const workflow = new Workflow({ ...workflowData, nodeTypes: new NodeTypes(), staticData: {} });
	const credentialTypes = new Map(credentialClasses.map((type) => [type.name, type]));
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, options.store),
		hooks: new ExecutionLifecycleHooks('manual', 'execution-under-test', workflowData),
		executionId: 'execution-under-test',
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

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode('Node') as INode,
					data: { main: [options.items.map((json) => ({ json }))] },
					source: null,
				},
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
		error: (run.data.resultData.error ?? taskData?.error) as NodeRun['error'],
	};
}

/** n8n-core's DI starts an SSH client manager with a 60 s interval; stop it so jest can exit. */
export function shutdownEngine(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
