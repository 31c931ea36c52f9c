import type { IHookFunctions } from 'n8n-workflow';
import { readAuthenticationSettings } from './authentication';

/*
 * Neither gateway has an API to register a webhook: the user pastes the URL into the portal.
 * What n8n's lifecycle can honestly do is remember which URL was activated (so checkExists
 * tells whether this URL is the one in use) and refuse activation with an unusable setup.
 */

function activatedUrl(context: IHookFunctions): string | undefined {
	return context.getNodeWebhookUrl('default');
}

export function isActivated(this: IHookFunctions): boolean {
	const remembered = this.getWorkflowStaticData('node').webhookUrl;
	return remembered !== undefined && remembered === activatedUrl(this);
}

export function activate(this: IHookFunctions): boolean {
	readAuthenticationSettings(this);
	this.getWorkflowStaticData('node').webhookUrl = activatedUrl(this);
	return true;
}

export function deactivate(this: IHookFunctions): boolean {
	delete this.getWorkflowStaticData('node').webhookUrl;
	return true;
}

/** The lifecycle both triggers give n8n; see the note at the top of this file. */
export const webhookLifecycle = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return isActivated.call(this);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return activate.call(this);
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return deactivate.call(this);
		},
	},
};
