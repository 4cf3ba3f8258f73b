import { HttpResponse, delay, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, errors, fakeLinear, linearData, linearErrors } from './fake-upstream';
import { TEAM_ID, pageInfo, teamNode } from './fixtures';

/**
 * How Linear's failures reach the client. Linear reports most of them as GraphQL `errors`
 * (HTTP 200 or 400) with an `extensions.code`; some come as plain HTTP statuses. The SDK has no
 * retries, so these specs also pin down our own: one wait for a short rate limit, two retries of
 * a read after a 5xx, none of a write.
 */
describe('Linear failures', () => {
  const fake = useFakeUpstream();
  const teams = () => linearData({ teams: { nodes: [teamNode('ENG', 'Engineering')], pageInfo: pageInfo() } });
  const listTeams = () => callTool('list_teams');

  it('HTTP 401 with AUTHENTICATION_ERROR → unauthorized', async () => {
    fake.use(fakeLinear({ ListTeams: () => linearErrors(401, [errors.authentication()]) }).handler);
    expect(resultError(await listTeams())).toBe(
      'unauthorized: Linear rejected the credentials (HTTP 401): You need to authenticate to access this operation. Check the token.',
    );
  });

  it('AUTHENTICATION_ERROR inside an HTTP 400 → unauthorized all the same', async () => {
    fake.use(fakeLinear({ ListTeams: () => linearErrors(400, [errors.authentication()]) }).handler);
    expect(resultError(await listTeams())).toMatch(/^unauthorized: /);
  });

  it('FORBIDDEN → forbidden', async () => {
    fake.use(fakeLinear({ ListTeams: () => linearErrors(200, [errors.forbidden()]) }).handler);
    expect(resultError(await listTeams())).toBe('forbidden: Linear denied access (HTTP 403): You do not have access to this team.');
  });

  it('HTTP 429 with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const linear = fakeLinear({ ListTeams: () => linearErrors(429, [errors.rateLimited()], { 'retry-after': '60' }) });
    fake.use(linear.handler);
    expect(resultError(await listTeams())).toBe(
      'rate_limited: Linear rate limit reached (HTTP 429): Rate limit exceeded. Only 5000 requests are allowed per 1 hour. Retry after 60s.',
    );
    expect(linear.received).toHaveLength(1);
  });

  it('HTTP 429 with Retry-After: 1 (within the 2 s default) is waited out once, then succeeds', async () => {
    const linear = fakeLinear({
      ListTeams: (_variables, call) => (call === 1 ? linearErrors(429, [errors.rateLimited()], { 'retry-after': '1' }) : teams()),
    });
    fake.use(linear.handler);
    const started = Date.now();
    expect(resultJson(await listTeams())).toMatchObject({ items: [{ key: 'ENG' }] });
    expect(linear.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a short rate limit that keeps hitting → rate_limited once the retries are used up', async () => {
    const linear = fakeLinear({ ListTeams: () => linearErrors(429, [errors.rateLimited()], { 'retry-after': '0' }) });
    fake.use(linear.handler);
    expect(resultError(await listTeams())).toMatch(/^rate_limited: .* Retry after 0s\.$/);
    expect(linear.received).toHaveLength(3);
  });

  it('GraphQL RATELIMITED in an HTTP 400 → rate_limited, waiting until the exhausted budget resets', async () => {
    const reset = Date.now() + 1_800_000; // Linear's reset headers are epoch milliseconds
    const linear = fakeLinear({
      ListTeams: () =>
        linearErrors(400, [errors.rateLimited()], {
          'x-ratelimit-requests-limit': '5000',
          'x-ratelimit-requests-remaining': '0',
          'x-ratelimit-requests-reset': String(reset),
        }),
    });
    fake.use(linear.handler);
    const message = resultError(await listTeams());
    expect(message).toMatch(/^rate_limited: Linear rate limit reached \(HTTP 429\): Rate limit exceeded\..* Retry after 1\d{3}s\.$/);
    expect(Number(/Retry after (\d+)s/.exec(message)?.[1])).toBeGreaterThan(1790);
    expect(linear.received).toHaveLength(1);
  });

  it('an exhausted complexity budget counts too', async () => {
    fake.use(
      fakeLinear({
        ListTeams: () =>
          linearErrors(400, [errors.rateLimited()], {
            'x-ratelimit-complexity-remaining': '0',
            'x-ratelimit-complexity-reset': String(Date.now() + 600_000),
          }),
      }).handler,
    );
    expect(resultError(await listTeams())).toMatch(/Retry after (599|600)s\.$/);
  });

  it('a write is sent once: a rate limit comes back as rate_limited naming the wait', async () => {
    const linear = fakeLinear({
      CreateComment: (_variables, call) =>
        call === 1
          ? linearErrors(429, [errors.rateLimited()], { 'retry-after': '0' })
          : linearData({ commentCreate: { success: true, comment: { id: 'c-1', body: 'Hi', createdAt: '2026-07-02T10:00:00.000Z', url: 'https://linear.app/c-1' } } }),
    });
    fake.use(linear.handler);
    expect(resultError(await callTool('save_comment', { issueId: 'ENG-1', body: 'Hi' }))).toMatch(/^rate_limited: .* Retry after 0s\.$/);
    expect(linear.received.filter((operation) => operation.name === 'CreateComment')).toHaveLength(1);
  });

  it('a 5xx on a read is retried, then succeeds', async () => {
    const linear = fakeLinear({ ListTeams: (_variables, call) => (call === 1 ? HttpResponse.text('Bad Gateway', { status: 502 }) : teams()) });
    fake.use(linear.handler);
    expect(resultJson(await listTeams())).toMatchObject({ items: [{ id: TEAM_ID }] });
    expect(linear.received).toHaveLength(2);
  });

  it('a 5xx that persists → upstream_error after two retries', async () => {
    const linear = fakeLinear({
      ListTeams: () => linearErrors(503, [{ message: 'Service unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR', statusCode: 503 } }]),
    });
    fake.use(linear.handler);
    expect(resultError(await listTeams())).toBe('upstream_error: Linear failed (HTTP 503): Service unavailable.');
    expect(linear.received).toHaveLength(3);
  });

  it('an HTML error page is not quoted', async () => {
    fake.use(fakeLinear({ ListTeams: () => new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }) }).handler);
    expect(resultError(await listTeams())).toBe('upstream_error: Linear failed (HTTP 502).');
  });

  it('a 5xx on a write is not retried, so nothing is created twice', async () => {
    const linear = fakeLinear({ CreateIssue: () => HttpResponse.text('Bad Gateway', { status: 502 }) });
    fake.use(linear.handler);
    expect(resultError(await callTool('save_issue', { teamId: TEAM_ID, title: 'Bug' }))).toBe('upstream_error: Linear failed (HTTP 502): Bad Gateway.');
    expect(linear.received).toHaveLength(1);
  });

  it('a network failure → upstream_error saying Linear could not be reached', async () => {
    fake.use(fakeLinear({ ListTeams: () => HttpResponse.error() }).handler);
    expect(resultError(await listTeams())).toMatch(/^upstream_error: could not reach Linear at https:\/\/linear\.fake \(.+\)\.$/);
  });

  it.each([
    ['an unknown stateType', 'list_issues', { stateType: 'doing' }, 'stateType'],
    ['a limit over 100', 'list_issues', { limit: 500 }, 'limit'],
    ['an issue id that is neither identifier nor UUID', 'get_issue', { id: 'not an id' }, 'id'],
    ['a teamId that is not a UUID', 'save_issue', { teamId: 'ENG', title: 'Bug' }, 'teamId'],
  ])('invalid arguments (%s) → invalid_input naming the field, without calling Linear', async (_label, tool, args, field) => {
    // No handler: a request would be unmatched and fail the test.
    const message = resultError(await callTool(tool, args));
    expect(message).toMatch(new RegExp(`^invalid_input: invalid arguments for ${tool}:`));
    expect(message).toContain(field);
  });

  it('a call that times out is not retried behind the caller’s back', async () => {
    const linear = fakeLinear({
      ListTeams: async () => {
        await delay(1000);
        return teams();
      },
    });
    fake.use(linear.handler);
    const result = await callTool('list_teams', {}, { ...configuredEnv, MCP_TOOL_TIMEOUT_MS: '100' });
    expect(resultError(result)).toBe('timeout: list_teams did not finish within 100 ms.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(linear.received).toHaveLength(1);
  });
});

/** Each tool added for issue 13 reports a key without access the same way (Linear's FORBIDDEN, HTTP 200). */
describe.each([
  ['list_issue_labels', 'ListIssueLabels', { team: 'ENG' }],
  ['list_users', 'ListUsers', {}],
  ['get_project', 'GetProject', { id: 'web-checkout-4b3c9d4e1f2a' }],
  ['list_cycles', 'ListCycles', { when: 'current' }],
  ['relate_issues', 'CreateIssueRelation', { issueId: 'ENG-1', type: 'blocks', relatedIssueId: 'ENG-2' }],
  ['list_documents', 'ListDocuments', {}],
  ['get_document', 'GetDocument', { id: 'spec-9a8b7c6d5e4f' }],
])('%s without access', (tool, operation, args) => {
  const fake = useFakeUpstream();

  it('FORBIDDEN → forbidden with Linear\'s message', async () => {
    const linear = fakeLinear({ [operation]: () => linearErrors(200, [errors.forbidden()]) });
    fake.use(linear.handler);
    expect(resultError(await callTool(tool, args))).toBe('forbidden: Linear denied access (HTTP 403): You do not have access to this team.');
    expect(linear.received.map((request) => request.name)).toEqual([operation]);
  });
});
