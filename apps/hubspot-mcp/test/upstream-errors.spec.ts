import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, hubspotError, route, structured } from './fake-upstream';
import { contact, page } from './fixtures/crm';

/**
 * How HubSpot's failures reach the client. The base's upstream fetch does the retrying (tuned by the
 * MCP_UPSTREAM_* settings); hubspot-errors.ts turns HubSpot's error bodies into messages that say what to do.
 */
describe('HubSpot failures', () => {
  const fake = useFakeUpstream();
  const listContacts = (env: Record<string, string> = configuredEnv) => callTool('list_crm_objects', { objectType: 'contacts' }, env);
  const contacts = () => HttpResponse.json(page([contact('1')]));

  it("401 → unauthorized with HubSpot's message", async () => {
    fake.use(
      route('get', '/crm/v3/objects/contacts', () =>
        hubspotError(401, 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview', {
          category: 'INVALID_AUTHENTICATION',
        }),
      ).handler,
    );
    expect(resultError(await listContacts())).toBe(
      'unauthorized: HubSpot rejected the credentials (HTTP 401): Authentication credentials not found. This API supports OAuth 2.0 ' +
        'authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview. Check the token.',
    );
  });

  it('403 for a missing scope → forbidden naming the scopes to add to the private app', async () => {
    fake.use(
      route('get', '/crm/v3/objects/contacts', () =>
        hubspotError(403, "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
          category: 'MISSING_SCOPES',
          errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.contacts.read'] } }],
        }),
      ).handler,
    );
    expect(resultError(await listContacts())).toBe(
      'forbidden: HubSpot denied access (HTTP 403): It needs the scope(s) crm.objects.contacts.read: add them to the private app ' +
        '(HubSpot: Settings > Integrations > Private apps > Scopes) and retry.',
    );
  });

  it("403 for a plan limit → forbidden with HubSpot's reason", async () => {
    fake.use(
      route('get', '/crm/v3/objects/2-123456', () =>
        hubspotError(403, 'Custom objects are available with an Enterprise subscription.', { category: 'FORBIDDEN' }),
      ).handler,
    );
    expect(resultError(await callTool('list_crm_objects', { objectType: '2-123456' }))).toBe(
      'forbidden: HubSpot denied access (HTTP 403): Custom objects are available with an Enterprise subscription.',
    );
  });

  it('429 with a Retry-After within MCP_UPSTREAM_MAX_RETRY_AFTER_MS is waited out, then succeeds', async () => {
    const list = route('get', '/crm/v3/objects/contacts', (_request, call) =>
      call === 1 ? hubspotError(429, 'You have reached your secondly limit.', { policyName: 'SECONDLY', headers: { 'retry-after': '1' } }) : contacts(),
    );
    fake.use(list.handler);
    const started = Date.now();
    expect(structured('list_crm_objects', await listContacts())['results']).toHaveLength(1);
    expect(list.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const list = route('get', '/crm/v3/objects/contacts', () =>
      hubspotError(429, 'You have reached your daily limit.', { policyName: 'DAILY', headers: { 'retry-after': '3600' } }),
    );
    fake.use(list.handler);
    expect(resultError(await listContacts())).toBe(
      'rate_limited: HubSpot rate limit reached (HTTP 429): You have reached your daily limit. Retry after 3600s.',
    );
    expect(list.received).toHaveLength(1);
  });

  it('a 502 on a read is retried, then succeeds — also for the batch read sent as POST', async () => {
    const batch = route('post', '/crm/v3/objects/contacts/batch/read', (_request, call) =>
      call === 1 ? hubspotError(502, 'Bad Gateway') : HttpResponse.json({ status: 'COMPLETE', results: [contact('1')] }),
    );
    fake.use(batch.handler);
    expect(structured('get_crm_objects', await callTool('get_crm_objects', { objectType: 'contacts', ids: ['1'] }))).toMatchObject({
      results: [{ id: '1' }],
      notFound: [],
    });
    expect(batch.received).toHaveLength(2);
  });

  it("a 500 is not retried and → upstream_error with HubSpot's message", async () => {
    const list = route('get', '/crm/v3/objects/contacts', () => hubspotError(500, 'internal error', { category: 'INTERNAL_ERROR' }));
    fake.use(list.handler);
    expect(resultError(await listContacts())).toBe('upstream_error: HubSpot failed (HTTP 500): internal error.');
    expect(list.received).toHaveLength(1);
  });

  it('a 2xx that is JSON of the wrong shape → upstream_error naming the endpoint', async () => {
    fake.use(route('get', '/crm/v3/objects/contacts', () => HttpResponse.json({ contacts: [] })).handler);
    expect(resultError(await listContacts())).toMatch(
      /^upstream_error: HubSpot answered GET crm\/v3\/objects\/contacts with an unexpected body \(.* at results\)\.$/,
    );
  });
});
