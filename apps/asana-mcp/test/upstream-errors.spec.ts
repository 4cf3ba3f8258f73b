import { HttpResponse, delay, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaData, asanaError, callTool, configuredEnv, route } from './fake-upstream';
import { workspace } from './fixtures/asana';

/**
 * How Asana's failures reach the client. The base's upstream fetch does the retrying (tuned by the
 * MCP_UPSTREAM_* settings); these specs pin down what it does with them and what the caller sees.
 */
describe('Asana failures', () => {
  const fake = useFakeUpstream();
  const listWorkspaces = (env: Record<string, string> = configuredEnv) => callTool('list_workspaces', {}, env);
  const workspaces = () => asanaData([workspace('1200000000000010', 'My Company Workspace')], null);
  const rateLimited = (retryAfter: string) =>
    asanaError(429, 'You have made too many requests recently. Please, be chill.', { 'retry-after': retryAfter });

  it("401 → unauthorized with Asana's errors[0].message", async () => {
    fake.use(route('get', '/workspaces', () => asanaError(401, 'Not Authorized')).handler);
    expect(resultError(await listWorkspaces())).toBe(
      'unauthorized: Asana rejected the credentials (HTTP 401): Not Authorized. Check the token.',
    );
  });

  it('403 → forbidden', async () => {
    fake.use(route('get', '/workspaces', () => asanaError(403, 'You do not have access to the requested resource.')).handler);
    expect(resultError(await listWorkspaces())).toBe(
      'forbidden: Asana denied access (HTTP 403): You do not have access to the requested resource.',
    );
  });

  it('a long Asana message comes through whole, without the JSON around it', async () => {
    const long = `opt_fields: ${'"quoted" '.repeat(40)}`.trim();
    fake.use(route('get', '/workspaces', () => asanaError(400, long)).handler);
    const message = resultError(await listWorkspaces());
    expect(message).toBe(`invalid_input: Asana rejected the request (HTTP 400): ${long}.`);
  });

  it('429 with a Retry-After within MCP_UPSTREAM_MAX_RETRY_AFTER_MS is waited out, then succeeds', async () => {
    const list = route('get', '/workspaces', (_request, call) => (call === 1 ? rateLimited('1') : workspaces()));
    fake.use(list.handler);
    const started = Date.now();
    const result = await listWorkspaces({ ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500' });
    expect(resultJson(result)).toMatchObject({ items: [{ name: 'My Company Workspace' }] });
    expect(list.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a Retry-After beyond MCP_UPSTREAM_MAX_RETRY_AFTER_MS → rate_limited at once, naming the wait', async () => {
    const list = route('get', '/workspaces', () => rateLimited('60'));
    fake.use(list.handler);
    expect(resultError(await listWorkspaces())).toBe(
      'rate_limited: Asana rate limit reached (HTTP 429): You have made too many requests recently. Please, be chill. Retry after 60s.',
    );
    expect(list.received).toHaveLength(1);
  });

  it('MCP_UPSTREAM_RETRIES=0 returns a 429 at once', async () => {
    const list = route('get', '/workspaces', () => rateLimited('30'));
    fake.use(list.handler);
    expect(resultError(await listWorkspaces({ ...configuredEnv, MCP_UPSTREAM_RETRIES: '0' }))).toMatch(/^rate_limited: .* Retry after 30s\.$/);
    expect(list.received).toHaveLength(1);
  });

  it('a 5xx on a read is retried, then succeeds', async () => {
    const list = route('get', '/workspaces', (_request, call) => (call === 1 ? asanaError(502, 'Bad Gateway') : workspaces()));
    fake.use(list.handler);
    expect(resultJson(await listWorkspaces())).toMatchObject({ items: [{ gid: '1200000000000010' }] });
    expect(list.received).toHaveLength(2);
  });

  it("a 500 is not retried and → upstream_error with Asana's message", async () => {
    const list = route('get', '/workspaces', () => asanaError(500, 'Server Error'));
    fake.use(list.handler);
    expect(resultError(await listWorkspaces())).toBe('upstream_error: Asana failed (HTTP 500): Server Error.');
    expect(list.received).toHaveLength(1);
  });

  it('a body that is not Asana JSON keeps the HTTP layer message', async () => {
    fake.use(route('get', '/workspaces', () => new HttpResponse('<html>Bad Gateway</html>', { status: 504 })).handler);
    expect(resultError(await listWorkspaces({ ...configuredEnv, MCP_UPSTREAM_RETRIES: '0' }))).toBe(
      'timeout: Asana timed out (HTTP 504): <html>Bad Gateway</html>.',
    );
  });

  it.each([
    ['HTML', () => new HttpResponse('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } }), 'Asana answered HTTP 200 with text/html instead of JSON.'],
    ['JSON without the data envelope', () => HttpResponse.json({ unexpected: true }), 'Asana answered workspaces with an unexpected body (no `data` envelope).'],
    ['a list that is not a list', () => HttpResponse.json({ data: 'nope' }), 'Asana answered workspaces with an unexpected body (`data` is not a list).'],
  ])('a 200 with %s → upstream_error naming Asana', async (_label, answer, message) => {
    fake.use(route('get', '/workspaces', answer).handler);
    expect(resultError(await listWorkspaces())).toBe(`upstream_error: ${message}`);
  });

  it.each([
    ['a missing workspaceGid', 'search_tasks', {}, 'workspaceGid'],
    ['a gid with a slash', 'get_task', { taskGid: '../users/me' }, 'taskGid'],
    ['a limit over 100', 'list_workspaces', { limit: 500 }, 'limit'],
    ['a malformed due date', 'update_task', { taskGid: '1', dueOn: '15/09/2026' }, 'dueOn'],
    ['an unknown sort', 'search_tasks', { workspaceGid: '1', sortBy: 'name' }, 'sortBy'],
  ])('invalid arguments (%s) → invalid_input naming the field, without calling Asana', async (_label, tool, args, field) => {
    // No route: a request would be unmatched and fail differently.
    const message = resultError(await callTool(tool, args));
    expect(message).toMatch(new RegExp(`^invalid_input: invalid arguments for ${tool}:`));
    expect(message).toContain(field);
  });

  it('a call that times out reports timeout', async () => {
    fake.use(
      route('get', '/workspaces', async () => {
        await delay(1000);
        return workspaces();
      }).handler,
    );
    const result = await listWorkspaces({ ...configuredEnv, MCP_TOOL_TIMEOUT_MS: '100' });
    expect(resultError(result)).toBe('timeout: list_workspaces did not finish within 100 ms.');
  });
});
