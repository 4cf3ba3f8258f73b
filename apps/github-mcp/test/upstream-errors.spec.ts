import { HttpResponse, delay, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, githubError, route } from './fake-upstream';
import { issue } from './fixtures/issues';

/**
 * How GitHub's failures reach the client. The base's upstream fetch does the waiting and
 * retrying (MCP_UPSTREAM_* settings), told by githubRateLimit which answers are rate limits;
 * these specs pin down what the caller sees.
 */
describe('GitHub failures', () => {
  const fake = useFakeUpstream();
  const issues = '/repos/octocat/Hello-World/issues';
  const listIssues = () => callTool('list_issues', { owner: 'octocat', repo: 'Hello-World' });
  const secondaryLimit = (status: 403 | 429, retryAfter: string) =>
    githubError(
      status,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      {},
      { 'retry-after': retryAfter },
    );

  it('401 → unauthorized', async () => {
    fake.use(route('get', issues, () => githubError(401, 'Bad credentials')).handler);
    expect(resultError(await listIssues())).toBe(
      'unauthorized: GitHub rejected the credentials (HTTP 401): Bad credentials. Check the token.',
    );
  });

  it('403 without a rate limit → forbidden', async () => {
    fake.use(route('get', issues, () => githubError(403, 'Resource not accessible by personal access token')).handler);
    expect(resultError(await listIssues())).toBe(
      'forbidden: GitHub denied access (HTTP 403): Resource not accessible by personal access token.',
    );
  });

  it('403 secondary rate limit with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const list = route('get', issues, () => secondaryLimit(403, '60'));
    fake.use(list.handler);
    expect(resultError(await listIssues())).toBe(
      'rate_limited: GitHub rate limit reached (HTTP 403): You have exceeded a secondary rate limit. ' +
        'Please wait a few minutes before you try again. Retry after 60s.',
    );
    expect(list.received).toHaveLength(1);
  });

  it('429 with a long Retry-After → rate_limited, without hammering GitHub', async () => {
    const list = route('get', issues, () => secondaryLimit(429, '60'));
    fake.use(list.handler);
    expect(resultError(await listIssues())).toMatch(/^rate_limited: GitHub rate limit reached \(HTTP 429\).* Retry after 60s\.$/);
    expect(list.received).toHaveLength(1);
  });

  it.each([403, 429] as const)('%i with Retry-After: 1 (within the 2 s default cap) is waited out, then succeeds', async (status) => {
    const list = route('get', issues, (_request, call) => (call === 1 ? secondaryLimit(status, '1') : HttpResponse.json([issue(1347)])));
    fake.use(list.handler);
    const started = Date.now();
    expect(resultJson(await listIssues())).toMatchObject({ items: [{ number: 1347 }] });
    expect(list.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a short Retry-After that keeps coming → rate_limited once the retries are used up', async () => {
    const list = route('get', issues, () => secondaryLimit(429, '1'));
    fake.use(list.handler);
    const result = await callTool('list_issues', { owner: 'octocat', repo: 'Hello-World' }, { ...configuredEnv, MCP_UPSTREAM_RETRIES: '1' });
    expect(resultError(result)).toMatch(/^rate_limited: .* Retry after 1s\.$/);
    expect(list.received).toHaveLength(2);
  });

  it('a 200 that is not JSON → upstream_error naming GitHub, not a result of nulls', async () => {
    fake.use(route('get', '/user', () => new HttpResponse('<html>Unicorn!</html>', { headers: { 'content-type': 'text/html' } })).handler);
    expect(resultError(await callTool('get_me', {}))).toBe('upstream_error: GitHub answered HTTP 200 with text/html instead of JSON.');
  });

  it('an exhausted primary quota → rate_limited with the wait until x-ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const list = route('get', issues, () =>
      githubError(403, 'API rate limit exceeded for user ID 1.', {}, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      }),
    );
    fake.use(list.handler);
    const message = resultError(await listIssues());
    expect(message).toMatch(/^rate_limited: GitHub rate limit reached \(HTTP 403\): API rate limit exceeded for user ID 1\. Retry after 3\d{3}s\.$/);
    expect(Number(/Retry after (\d+)s/.exec(message)?.[1])).toBeGreaterThan(3590);
    expect(list.received).toHaveLength(1);
  });

  it('a 5xx on a read is retried, then succeeds', async () => {
    const list = route('get', issues, (_request, call) =>
      call === 1 ? githubError(502, 'Server Error') : HttpResponse.json([issue(1347)]),
    );
    fake.use(list.handler);
    expect(resultJson(await listIssues())).toMatchObject({ items: [{ number: 1347 }] });
    expect(list.received).toHaveLength(2);
  });

  it('a 5xx that persists → upstream_error after two retries', async () => {
    const list = route('get', issues, () => githubError(503, 'Service Unavailable'));
    fake.use(list.handler);
    expect(resultError(await listIssues())).toBe('upstream_error: GitHub failed (HTTP 503): Service Unavailable.');
    expect(list.received).toHaveLength(3);
  });

  it.each([
    ['an unknown state', { owner: 'octocat', repo: 'Hello-World', state: 'opened' }, 'state'],
    ['a missing repo', { owner: 'octocat' }, 'repo'],
    ['a repo of ".."', { owner: 'octocat', repo: '..' }, 'repo'],
    ['a limit over 100', { owner: 'octocat', repo: 'Hello-World', limit: 500 }, 'limit'],
  ])('invalid arguments (%s) → invalid_input naming the field, without calling GitHub', async (_label, args, field) => {
    // No route: a request would be unmatched and fail differently.
    const message = resultError(await callTool('list_issues', args));
    expect(message).toMatch(/^invalid_input: invalid arguments for list_issues:/);
    expect(message).toContain(field);
  });

  it('a call that times out is not retried behind the caller’s back', async () => {
    const slow = route('get', issues, async () => {
      await delay(1000);
      return HttpResponse.json([]);
    });
    fake.use(slow.handler);
    const result = await callTool('list_issues', { owner: 'octocat', repo: 'Hello-World' }, {
      ...configuredEnv,
      MCP_TOOL_TIMEOUT_MS: '100',
    });
    expect(resultError(result)).toBe('timeout: list_issues did not finish within 100 ms.');
    // A retry after the call ended would be wasted on nobody: the call's abort ends its requests.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slow.received).toHaveLength(1);
  });
});
