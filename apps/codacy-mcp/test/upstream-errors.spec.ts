import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { REPO, TOKEN, callTool, codacyError, codacyList, configuredEnv, repoArgs, route } from './fake-upstream';
import { commitIssue, organization } from './fixtures/codacy';

/**
 * How Codacy's failures reach the client. The base's upstream fetch does the retrying (tuned by the
 * MCP_UPSTREAM_* settings); these specs pin down what the caller sees for Codacy's answers.
 */
describe('Codacy failures', () => {
  const fake = useFakeUpstream();
  const listOrganizations = (env: Record<string, string> = configuredEnv) => callTool('list_organizations', {}, env);
  const organizations = () => codacyList([organization('acme')]);

  it("401 → unauthorized with Codacy's message, naming the token to check", async () => {
    fake.use(route('get', '/user/organizations', () => codacyError(401, 'Invalid API token')).handler);
    expect(resultError(await listOrganizations())).toBe('unauthorized: Codacy rejected the credentials (HTTP 401): Invalid API token. Check the token.');
  });

  it('403 → forbidden with Codacy\'s reason', async () => {
    fake.use(route('get', '/user/organizations', () => codacyError(403, 'User is not a member of the organization')).handler);
    expect(resultError(await listOrganizations())).toBe('forbidden: Codacy denied access (HTTP 403): User is not a member of the organization.');
  });

  it('400 → invalid_input with Codacy\'s message', async () => {
    fake.use(route('post', `/analysis${REPO}/issues/search`, () => codacyError(400, 'Invalid branch name: nope')).handler);
    expect(resultError(await callTool('search_issues', { ...repoArgs, branch: 'nope' }))).toBe(
      'invalid_input: Codacy rejected the request (HTTP 400): Invalid branch name: nope.',
    );
  });

  it('429 with a Retry-After within MCP_UPSTREAM_MAX_RETRY_AFTER_MS is waited out, then succeeds', async () => {
    const list = route('get', '/user/organizations', (_request, call) => (call === 1 ? codacyError(429, 'Too many requests', { 'retry-after': '1' }) : organizations()));
    fake.use(list.handler);
    const started = Date.now();
    const result = await listOrganizations({ ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500' });
    expect(resultJson(result)).toMatchObject({ items: [{ name: 'acme' }] });
    expect(list.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const list = route('get', '/user/organizations', () => codacyError(429, 'Too many requests', { 'retry-after': '300' }));
    fake.use(list.handler);
    expect(resultError(await listOrganizations())).toBe('rate_limited: Codacy rate limit reached (HTTP 429): Too many requests. Retry after 300s.');
    expect(list.received).toHaveLength(1);
  });

  it('a 5xx on a read is retried, then succeeds', async () => {
    const list = route('get', '/user/organizations', (_request, call) => (call === 1 ? codacyError(503, 'Service Unavailable') : organizations()));
    fake.use(list.handler);
    expect(resultJson(await listOrganizations())).toMatchObject({ items: [{ name: 'acme' }] });
    expect(list.received).toHaveLength(2);
  });

  it('a search sent as POST is a read too: retried after a 502, same body', async () => {
    const search = route('post', `/analysis${REPO}/issues/search`, (_request, call) => (call === 1 ? codacyError(502, 'Bad Gateway') : codacyList([commitIssue(1)])));
    fake.use(search.handler);
    expect(resultJson(await callTool('search_issues', { ...repoArgs, levels: ['Error'] }))).toMatchObject({ items: [{ resultDataId: 1 }] });
    expect(search.received.map((request) => request.body)).toEqual([{ levels: ['Error'] }, { levels: ['Error'] }]);
  });

  it("a 500 is not retried → upstream_error with Codacy's message", async () => {
    const list = route('get', '/user/organizations', () => codacyError(500, 'Internal Server Error'));
    fake.use(list.handler);
    expect(resultError(await listOrganizations())).toBe('upstream_error: Codacy failed (HTTP 500): Internal Server Error.');
    expect(list.received).toHaveLength(1);
  });

  it.each([
    ['HTML', () => new HttpResponse('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } }), 'Codacy answered HTTP 200 with text/html instead of JSON.'],
    ['JSON without the data envelope', () => HttpResponse.json({ unexpected: true }), 'Codacy answered user/organizations with an unexpected body (no `data` envelope).'],
    ['a list that is not a list', () => HttpResponse.json({ data: 'nope' }), 'Codacy answered user/organizations with an unexpected body (`data` is not a list).'],
  ])('a 200 with %s → upstream_error naming Codacy', async (_label, answer, message) => {
    fake.use(route('get', '/user/organizations', answer).handler);
    expect(resultError(await listOrganizations())).toBe(`upstream_error: ${message}`);
  });

  it('an error that repeats the api-token never shows it to the client', async () => {
    fake.use(route('get', '/user/organizations', ({ headers }) => codacyError(401, `Invalid token ${headers.get('api-token')}`)).handler);
    const message = resultError(await listOrganizations());
    expect(message).not.toContain(TOKEN);
    expect(message).toContain('[redacted]');
  });

  it('a foreign cursor → invalid_input without calling Codacy', async () => {
    expect(resultError(await callTool('list_organizations', { cursor: 'not-ours!' }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});
