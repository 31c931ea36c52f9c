import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { WebhookEventType } from './event';

/** Event choices, in the alphabetical order n8n's option lists need. */
const EVENT_OPTIONS: ReadonlyArray<INodePropertyOptions & { value: WebhookEventType }> = [
	{
		name: 'Buffered',
		value: 'buffered',
		description: 'The recipient cannot be reached for now; the network keeps trying',
	},
	{ name: 'Delivered', value: 'delivered', description: 'The message reached the recipient' },
	{ name: 'Failed', value: 'failed', description: 'The message could not be delivered' },
	{ name: 'Inbound SMS', value: 'inbound', description: 'Someone sent an SMS to your number' },
	{
		name: 'Other Status Change',
		value: 'status',
		description: "Any other status, given in the event's status field",
	},
	{ name: 'Seen (Viber)', value: 'seen', description: 'The recipient opened the Viber message' },
];

/** What the Production URL looks like; n8n's notices cannot show the real one. */
const URL_SHAPE = 'https://your-n8n.example.com/webhook/…/webhook?';

/**
 * The trigger's properties: where to paste the URL, which events start the workflow, and how
 * calls are authenticated. `events` lists the event types the gateway can produce.
 */
export function webhookProperties(setup: {
	notice: string;
	events: readonly WebhookEventType[];
}): INodeProperties[] {
	const offered = EVENT_OPTIONS.filter((option) => setup.events.includes(option.value));
	return [
		{
			displayName: setup.notice,
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: offered,
			default: [...setup.events],
			description:
				'Events that start the workflow. Other events are acknowledged and start nothing.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Basic Auth',
					value: 'basicAuth',
					description:
						'HTTP Basic authentication, for senders that accept https://user:password@… URLs',
				},
				{
					name: 'Header Secret',
					value: 'headerSecret',
					description: 'A secret in a request header, for senders that can set headers',
				},
				{
					name: 'None (Not Recommended)',
					value: 'none',
					description: 'Accept every call to the URL: anyone who knows it can start the workflow',
				},
				{
					name: 'Query Token',
					value: 'queryToken',
					description:
						'A secret token in the URL itself; the one mode both gateways support, as their portals take only a URL',
				},
			],
			default: 'queryToken',
			description:
				'How calls prove they come from the gateway. Neither gateway signs its calls, so a secret only you and the gateway know is the protection. Calls that fail the check get 401 and start nothing.',
		},
		{
			displayName:
				'Anyone who knows this URL can start the workflow, for example with fake delivery failures or fake incoming SMS. Choose Query Token unless something else in front of n8n protects the URL.',
			name: 'noAuthenticationWarning',
			type: 'notice',
			default: '',
			displayOptions: { show: { authentication: ['none'] } },
		},
		{
			displayName: 'Token Parameter Name',
			name: 'queryParameterName',
			type: 'string',
			default: 'token',
			required: true,
			displayOptions: { show: { authentication: ['queryToken'] } },
			description: 'Query parameter that carries the token in the URL you paste into the gateway',
		},
		{
			displayName: 'Token',
			name: 'queryToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['queryToken'] } },
			description:
				'The secret the URL must carry: a long random text, such as a password generator makes. It is removed from the emitted data.',
		},
		{
			displayName: `URL to paste into the gateway: ${URL_SHAPE}token=YOUR_TOKEN (the Production URL from "Webhook URLs" at the top of this panel, then ?token= and your Token)`,
			name: 'queryTokenUrlNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authentication: ['queryToken'], queryParameterName: ['token'] } },
		},
		{
			displayName: `URL to paste into the gateway: ${URL_SHAPE}NAME=YOUR_TOKEN (the Production URL from "Webhook URLs" at the top of this panel, then ?, your Token Parameter Name in place of NAME, = and your Token)`,
			name: 'queryTokenCustomUrlNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: { authentication: ['queryToken'] },
				hide: { queryParameterName: ['token'] },
			},
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			required: true,
			displayOptions: { show: { authentication: ['headerSecret'] } },
			description: 'Request header that carries the secret',
		},
		{
			displayName: 'Secret',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['headerSecret'] } },
			description: 'The value the header must have',
		},
		{
			displayName: 'User',
			name: 'basicAuthUser',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'basicAuthPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
	];
}
