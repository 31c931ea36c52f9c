import type { IDataObject } from 'n8n-workflow';
import { BulkGateApi } from '../../credentials/BulkGateApi.credentials';
import { testCredential } from '../helpers/credentialTest';
import { shutdownEngine } from '../helpers/engine';
import { BulkGateFixture, INFO } from './fixture';

const fixture = new BulkGateFixture();
beforeAll(async () => await fixture.start());
beforeEach(() => fixture.reset());
afterAll(async () => {
	await fixture.stop();
	shutdownEngine();
});

const test_ = (overrides: IDataObject = {}) =>
	testCredential(new BulkGateApi(), fixture.credentialData(overrides));

describe('BulkGate API credential test', () => {
	test('right ID and token: OK, after one call to the credit balance with both in the body', async () => {
		expect(await test_()).toEqual({ status: 'OK', message: 'Connection successful!' });
		const requests = fixture.emulator.requestsTo('POST', INFO);
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toEqual({ application_id: '12345', application_token: 'token-12345' });
	});

	test('wrong token (401 unknown_identity): BulkGate’s message, not just the status text', async () => {
		expect(await test_({ applicationToken: 'wrong' })).toEqual({
			status: 'Error',
			message:
				'BulkGate: Unknown identity / unauthorized / empty application_id. Check the Application ID and Application Token in this credential.',
		});
	});

	test('legacy error shape (authentication_failed)', async () => {
		fixture.api.legacyInfoErrors = true;
		expect(await test_({ applicationId: '999' })).toEqual({
			status: 'Error',
			message:
				'BulkGate: authentication failed. Check the Application ID and Application Token in this credential.',
		});
	});

	test('blocked account', async () => {
		fixture.api.bannedApplications.add('12345');
		expect(await test_()).toEqual({
			status: 'Error',
			message: 'BulkGate: Account is blocked. Contact BulkGate support.',
		});
	});

	test.each([
		['unsupported_api_version', 'BulkGate: Unknown or deprecated API version.'],
		['unknown_action', 'BulkGate: Unknown API action.'],
		['method_not_allowed', 'BulkGate: HTTP method is not allowed.'],
	])('%s names the Base URL', async (type, start) => {
		fixture.emulator.inject({
			match: { path: INFO },
			status: 400,
			body: { type, code: 400, error: type, detail: null },
		});
		const result = await test_();
		expect(result.status).toBe('Error');
		expect(result.message).toBe(`${start} Check that the Base URL is https://portal.bulkgate.com.`);
	});

	test.each([
		[
			'an error body with HTTP 200',
			200,
			{ type: 'unknown', code: 400, error: 'Unknown error', detail: null },
		],
		['an empty JSON object', 200, {}],
		['an HTML page from a wrong Base URL', 200, '<html>Welcome</html>'],
		['a 404 from a wrong path', 404, { message: 'Not found' }],
	])('anything else without data fails: %s', async (_name, status, body) => {
		fixture.emulator.inject({ match: { path: INFO }, status, body });
		expect(await test_()).toEqual({
			status: 'Error',
			message:
				'BulkGate did not answer with the credit balance. Check the Base URL (normally https://portal.bulkgate.com) and the Application ID and Token.',
		});
	});
});
