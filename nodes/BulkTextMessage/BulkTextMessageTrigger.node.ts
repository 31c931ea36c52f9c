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
import { bulkTextMessageEvents } from './webhookEvents';

export class BulkTextMessageTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BulkTextMessage Trigger',
		name: 'bulkTextMessageTrigger',
		icon: { light: 'file:bulkTextMessage.svg', dark: 'file:bulkTextMessage.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Status changes and incoming SMS',
		description:
			'Starts the workflow when BulkTextMessage reports a status change or an incoming SMS',
		defaults: { name: 'BulkTextMessage Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [webhookEndpoint],
		properties: webhookProperties({
			notice:
				'In the BulkTextMessage dashboard, paste the URL shown below Authentication into the webhook / trigger settings for incoming SMS and status changes: this node\'s Production URL (from "Webhook URLs" above) with your token. Then publish the workflow.',
			events: bulkTextMessageEvents.events,
		}).concat(optOutKeywordsProperty),
	};

	webhookMethods = webhookLifecycle;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return runWebhook.call(this, bulkTextMessageEvents);
	}
}
