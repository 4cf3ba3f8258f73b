import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { API_KEY, callTool, configuredEnv, portkeyError, portkeyList, route } from './fake-upstream';
import { workspace } from './fixtures/portkey';

/**
 * How Portkey's failures reach the client. The base's upstream fetch does the retrying (tuned by the
 * MCP_UPSTREAM_* settings); PortkeyApi reads Portkey's `{ success: false, data: { message, errorCode } }`.
 */
describe('Portkey failures', () => {
  const fake = useFakeUpstream();
  const listWorkspaces = (env: Record<string, string> = configuredEnv) => callTool('list_workspaces', {}, env);
  const workspaces = () => portkeyList([workspace('ws-team')]);

  it("401 → unauthorized with Portkey's message", async () => {
    fake.use(route('get', '/admin/workspaces', () => portkeyError(401, 'Unauthorised Request', 'AB05')).handler);
    expect(resultError(await listWorkspaces())).toBe('unauthorized: Portkey rejected the credentials (HTTP 401): Unauthorised Request [AB05]. Check the token.');
  });

  it('403 AB03 → forbidden naming the missing scope', async () => {
    fake.use(route('get', '/admin/workspaces', () => portkeyError(403, 'You do not have enough permissions to execute this request', 'AB03')).handler);
    expect(resultError(await listWorkspaces())).toBe(
      'forbidden: Portkey refused the request with AB03 (You do not have enough permissions to execute this request). ' +
        'The API key lacks the scope workspaces.list: add it to the key in app.portkey.ai → API Keys (or use an Admin API key that has it).',
    );
  });

  it('403 AB03 about the plan → forbidden saying the feature is Enterprise-only', async () => {
    fake.use(route('get', '/analytics/graphs/cost', () => portkeyError(403, 'This feature is only available on the Enterprise plan', 'AB03')).handler);
    expect(resultError(await callTool('get_cost_analytics', { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }))).toBe(
      'forbidden: Portkey refused the request with AB03 (This feature is only available on the Enterprise plan). ' +
        'This feature is Enterprise-only on Portkey: it needs an Enterprise plan, not another scope.',
    );
  });

  it('402 AB09 → forbidden saying the subscription is exhausted', async () => {
    fake.use(route('get', '/admin/workspaces', () => portkeyError(402, 'Subscription exhausted', 'AB09')).handler);
    expect(resultError(await listWorkspaces())).toBe('forbidden: Portkey requires a paid plan for this (HTTP 402): Subscription exhausted [AB09].');
  });

  it('429 with a Retry-After within MCP_UPSTREAM_MAX_RETRY_AFTER_MS is waited out, then succeeds', async () => {
    const list = route('get', '/admin/workspaces', (_request, call) => (call === 1 ? portkeyError(429, 'Rate limit exceeded', 'AB06', { 'retry-after': '1' }) : workspaces()));
    fake.use(list.handler);
    const started = Date.now();
    expect(resultJson(await listWorkspaces({ ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500' }))).toMatchObject({ items: [{ slug: 'ws-team' }] });
    expect(list.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const list = route('get', '/admin/workspaces', () => portkeyError(429, 'Rate limit exceeded', 'AB06', { 'retry-after': '300' }));
    fake.use(list.handler);
    // The base's upstream fetch answers this one itself, quoting Portkey's body as it reads it.
    expect(resultError(await listWorkspaces())).toMatch(/^rate_limited: Portkey rate limit reached \(HTTP 429\): .*Rate limit exceeded.*\. Retry after 300s\.$/);
    expect(list.received).toHaveLength(1);
  });

  it('a 503 on a read is retried, then succeeds', async () => {
    const list = route('get', '/admin/workspaces', (_request, call) => (call === 1 ? portkeyError(503, 'Service Unavailable') : workspaces()));
    fake.use(list.handler);
    expect(resultJson(await listWorkspaces())).toMatchObject({ items: [{ slug: 'ws-team' }] });
    expect(list.received).toHaveLength(2);
  });

  it('a 500 AB04 is not retried → upstream_error with the code', async () => {
    const list = route('get', '/admin/workspaces', () => portkeyError(500, 'Internal Server Error', 'AB04'));
    fake.use(list.handler);
    expect(resultError(await listWorkspaces())).toBe('upstream_error: Portkey failed (HTTP 500): Internal Server Error [AB04].');
    expect(list.received).toHaveLength(1);
  });

  it('a 200 without the data list → upstream_error naming the endpoint', async () => {
    fake.use(route('get', '/admin/workspaces', () => Response.json({ object: 'list' })).handler);
    expect(resultError(await listWorkspaces())).toBe('upstream_error: Portkey answered admin/workspaces with an unexpected body (no `data` list).');
  });

  it('an error that repeats the x-portkey-api-key never shows it to the client', async () => {
    fake.use(route('get', '/admin/workspaces', ({ headers }) => portkeyError(401, `Invalid API key ${headers.get('x-portkey-api-key')}`, 'AB05')).handler);
    const message = resultError(await listWorkspaces());
    expect(message).not.toContain(API_KEY);
    expect(message).toContain('[redacted]');
  });

  it('a foreign cursor → invalid_input without calling Portkey', async () => {
    expect(resultError(await callTool('list_workspaces', { cursor: 'not-ours!' }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});
