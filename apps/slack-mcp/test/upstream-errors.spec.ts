import { HttpResponse, delay, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, method, rateLimited, slackError, slackOk } from './fake-upstream';

/**
 * How Slack's failures reach the client. The base's upstream fetch does the retrying and
 * waiting (MCP_UPSTREAM_* settings; the SDK's own retry is off); these specs pin down what the
 * caller sees. Every Slack method is a POST: list_users is a read-only tool, so its requests are retried.
 */
describe('Slack failures', () => {
  const fake = useFakeUpstream();
  const users = { members: [{ id: 'U024BE7LH', name: 'spengler', profile: { display_name: 'spengler' } }] };
  const listUsers = (env: Record<string, string> = configuredEnv) => callTool('list_users', {}, env);

  it.each([
    ['invalid_auth', 'unauthorized: Slack answered invalid_auth: the token is not valid. Check SLACK_TOKEN.'],
    ['not_authed', 'unauthorized: Slack answered not_authed: no token was sent. Check SLACK_TOKEN.'],
    ['account_inactive', 'unauthorized: Slack answered account_inactive: the token belongs to a deactivated user or workspace. Check SLACK_TOKEN.'],
    ['some_new_error', 'upstream_error: Slack answered some_new_error.'],
  ])('HTTP 200 with error %s → the precise kind', async (code, expected) => {
    const list = method('users.list', () => slackError(code));
    fake.use(list.handler);
    expect(resultError(await listUsers())).toBe(expected);
    // Answers in the body are final: never retried.
    expect(list.received).toHaveLength(1);
  });

  it("invalid_arguments → invalid_input with Slack's details", async () => {
    fake.use(
      method('users.list', () =>
        slackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] invalid `limit` [json-pointer:/limit]'] } }),
      ).handler,
    );
    expect(resultError(await listUsers())).toBe(
      'invalid_input: Slack answered invalid_arguments: Slack rejected the arguments (invalid `limit` [json-pointer:/limit]).',
    );
  });

  it('429 with Retry-After: 1 (within the 2 s default cap) is waited out, then succeeds', async () => {
    const list = method('users.list', (_request, call) => (call === 1 ? rateLimited(1) : slackOk(users)));
    fake.use(list.handler);
    const started = Date.now();
    expect(resultJson(await listUsers())).toMatchObject({ users: [{ id: 'U024BE7LH' }] });
    expect(list.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a long Retry-After → rate_limited at once, naming the wait, without hammering Slack', async () => {
    const list = method('users.list', () => rateLimited(60));
    fake.use(list.handler);
    expect(resultError(await listUsers())).toBe('rate_limited: Slack rate limit reached (HTTP 429): ratelimited. Retry after 60s.');
    expect(list.received).toHaveLength(1);
  });

  it('a short Retry-After that comes again → rate_limited once the retries are used up', async () => {
    const list = method('users.list', () => rateLimited(1));
    fake.use(list.handler);
    const result = await listUsers({ ...configuredEnv, MCP_UPSTREAM_RETRIES: '1' });
    expect(resultError(result)).toBe('rate_limited: Slack rate limit reached (HTTP 429): ratelimited. Retry after 1s.');
    expect(list.received).toHaveLength(2);
  });

  it('MCP_UPSTREAM_MAX_RETRY_AFTER_MS=0 never waits', async () => {
    const list = method('users.list', () => rateLimited(1));
    fake.use(list.handler);
    expect(resultError(await listUsers({ ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '0' }))).toMatch(/^rate_limited: .* Retry after 1s\.$/);
    expect(list.received).toHaveLength(1);
  });

  it('a Retry-After given as an HTTP-date is read, and named when it is too long', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    fake.use(method('users.list', () => HttpResponse.json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': inAnHour } })).handler);
    expect(resultError(await listUsers())).toMatch(/^rate_limited: Slack rate limit reached \(HTTP 429\): ratelimited\. Retry after (3600|3599)s\.$/);
  });

  it('a 429 without Retry-After is retried with backoff, then → rate_limited', async () => {
    const list = method('users.list', () => HttpResponse.json({ ok: false, error: 'ratelimited' }, { status: 429 }));
    fake.use(list.handler);
    expect(resultError(await listUsers())).toBe('rate_limited: Slack rate limit reached (HTTP 429): ratelimited.');
    expect(list.received).toHaveLength(3);
  });

  it('a 401 is final: never retried', async () => {
    const list = method('users.list', () => HttpResponse.json({ ok: false, error: 'invalid_auth' }, { status: 401 }));
    fake.use(list.handler);
    expect(resultError(await listUsers())).toMatch(/^unauthorized: /);
    expect(list.received).toHaveLength(1);
  });

  it('a 5xx on a read is retried, then succeeds', async () => {
    const list = method('users.list', (_request, call) =>
      call === 1 ? new HttpResponse(null, { status: 502, statusText: 'Bad Gateway' }) : slackOk(users),
    );
    fake.use(list.handler);
    expect(resultJson(await listUsers())).toMatchObject({ users: [{ id: 'U024BE7LH' }] });
    expect(list.received).toHaveLength(2);
  });

  it('a 5xx that persists → upstream_error after two retries', async () => {
    const list = method('users.list', () => new HttpResponse(null, { status: 503, statusText: 'Service Unavailable' }));
    fake.use(list.handler);
    expect(resultError(await listUsers())).toBe('upstream_error: Slack failed (HTTP 503): Service Unavailable.');
    expect(list.received).toHaveLength(3);
  });

  it('a 5xx, then short rate limits until the retries are used up → rate_limited naming the wait', async () => {
    const list = method('users.list', (_request, call) =>
      call === 1 ? new HttpResponse(null, { status: 502, statusText: 'Bad Gateway' }) : rateLimited(1),
    );
    fake.use(list.handler);
    expect(resultError(await listUsers())).toMatch(/^rate_limited: .* Retry after 1s\.$/);
    expect(list.received).toHaveLength(3);
  });

  it('a network failure → upstream_error after the retries', async () => {
    const list = method('users.list', () => HttpResponse.error());
    fake.use(list.handler);
    expect(resultError(await listUsers())).toMatch(/^upstream_error: could not reach Slack at https:\/\/slack\.fake \(.+\)\.$/);
    expect(list.received).toHaveLength(3);
  });

  it('a call that times out is not retried behind the caller’s back', async () => {
    const slow = method('users.list', async () => {
      await delay(1000);
      return slackOk(users);
    });
    fake.use(slow.handler);
    const result = await listUsers({ ...configuredEnv, MCP_TOOL_TIMEOUT_MS: '100' });
    expect(resultError(result)).toBe('timeout: list_users did not finish within 100 ms.');
    // A retry after the call ended would be wasted on nobody: the call's abort ends its requests.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slow.received).toHaveLength(1);
  });
});
