import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { webhookEndpoint } from '../shared/webhook/endpoint';
import { optOutKeywordsProperty } from '../shared/webhook/optOut';
import { webhookProperties } from '../shared/webhook/properties';
import { webhookLifecycle } from '../shared/webhook/registration';
import { runWebhook } from '../shared/webhook/runner';
import { bulkGateEvents } from './webhookEvents';

export class BulkGateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BulkGate Trigger',
		name: 'bulkGateTrigger',
		icon: { light: 'file:bulkGate.svg', dark: 'file:bulkGate.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Delivery reports and incoming SMS',
		description: 'Starts the workflow when BulkGate reports a delivery or an incoming SMS',
		defaults: { name: 'BulkGate Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [webhookEndpoint],
		properties: webhookProperties({
			notice:
				'In the BulkGate Portal open Modules & APIs, choose your API, then Webhook → Configure, and paste the URL shown below Authentication: this node\'s Production URL (from "Webhook URLs" above) with your token. Tick "Bulk DLRs – bulk request" so one call carries many reports. Leave "Report only when error occurs" unticked unless you only want failures. Then publish the workflow.',
			events: bulkGateEvents.events,
		}).concat(optOutKeywordsProperty),
	};

	webhookMethods = webhookLifecycle;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return runWebhook.call(this, bulkGateEvents);
	}
}
