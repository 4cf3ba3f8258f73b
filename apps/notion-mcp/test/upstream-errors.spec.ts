import { HttpResponse, delay, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, configuredEnv, notionError, route } from './fake-upstream';
import { DATA_SOURCE_ID, PAGE_ID, list, plainPage, taskPage } from './fixtures';

/**
 * How Notion's failures reach the client. The base's upstream fetch does the waiting and
 * retrying (MCP_UPSTREAM_* settings; the SDK's own retry is off); these specs pin down what the caller sees.
 */
describe('Notion failures', () => {
  const fake = useFakeUpstream();
  const getPage = () => callTool('get_data_source', { dataSourceId: DATA_SOURCE_ID });
  const dataSourcePath = `/data_sources/${DATA_SOURCE_ID}`;
  const rateLimited = (retryAfter?: string) =>
    notionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.', retryAfter ? { 'retry-after': retryAfter } : {});

  it('401 unauthorized → unauthorized', async () => {
    fake.use(route('get', dataSourcePath, () => notionError(401, 'unauthorized', 'API token is invalid.')).handler);
    expect(resultError(await getPage())).toBe(
      'unauthorized: Notion rejected the credentials (HTTP 401): API token is invalid. Check the token.',
    );
  });

  it('404 object_not_found → not_found', async () => {
    fake.use(route('get', `/pages/${PAGE_ID}`, () => notionError(404, 'object_not_found', `Could not find page with ID: ${PAGE_ID}.`)).handler);
    expect(resultError(await callTool('fetch_page', { pageId: PAGE_ID }))).toMatch(/^not_found: Notion found nothing there \(HTTP 404\)/);
  });

  it('429 with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const get = route('get', dataSourcePath, () => rateLimited('30'));
    fake.use(get.handler);
    expect(resultError(await getPage())).toBe(
      'rate_limited: Notion rate limit reached (HTTP 429): You have been rate limited. Please try again in a few minutes. ' +
        'Retry after 30s.',
    );
    expect(get.received).toHaveLength(1);
  });

  it('429 without Retry-After → retried with backoff, then rate_limited', async () => {
    const get = route('get', dataSourcePath, () => rateLimited());
    fake.use(get.handler);
    expect(resultError(await getPage())).toMatch(/^rate_limited: Notion rate limit reached \(HTTP 429\)/);
    expect(get.received).toHaveLength(3);
  });

  it('429 with Retry-After: 1 (within the 2 s default) is waited out once, then succeeds', async () => {
    const query = route('post', `${dataSourcePath}/query`, (_request, call) =>
      call === 1 ? rateLimited('1') : HttpResponse.json(list([taskPage(PAGE_ID, 'Ship v2')], null, 'page_or_data_source')),
    );
    fake.use(query.handler);
    const started = Date.now();
    const result = await callTool('query_data_source', { dataSourceId: DATA_SOURCE_ID });
    expect(resultJson(result)).toMatchObject({ items: [{ id: PAGE_ID }] });
    expect(query.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a write is sent once: even a short rate limit comes back as rate_limited naming the wait', async () => {
    const create = route('post', '/pages', (_request, call) => (call === 1 ? rateLimited('1') : HttpResponse.json(plainPage(PAGE_ID, 'x'))));
    fake.use(create.handler);
    expect(resultError(await callTool('create_page', { parentPageId: PAGE_ID, title: 'x' }))).toMatch(/^rate_limited: .* Retry after 1s\.$/);
    expect(create.received).toHaveLength(1);
  });

  it('429s that keep coming → rate_limited once the retries are used up', async () => {
    const get = route('get', dataSourcePath, () => rateLimited('0'));
    fake.use(get.handler);
    expect(resultError(await getPage())).toMatch(/^rate_limited: .* Retry after 0s\.$/);
    expect(get.received).toHaveLength(3);
  });

  it('MCP_UPSTREAM_MAX_RETRY_AFTER_MS=0 turns even Retry-After: 1 into rate_limited', async () => {
    const get = route('get', dataSourcePath, () => rateLimited('1'));
    fake.use(get.handler);
    const result = await callTool('get_data_source', { dataSourceId: DATA_SOURCE_ID }, { ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '0' });
    expect(resultError(result)).toMatch(/Retry after 1s\.$/);
    expect(get.received).toHaveLength(1);
  });

  it('a 5xx on a read (also a POST query) is retried, then succeeds', async () => {
    const query = route('post', `${dataSourcePath}/query`, (_request, call) =>
      call === 1
        ? notionError(503, 'service_unavailable', 'Notion is unavailable, please try again later.')
        : HttpResponse.json(list([], null, 'page_or_data_source')),
    );
    fake.use(query.handler);
    expect(resultJson(await callTool('query_data_source', { dataSourceId: DATA_SOURCE_ID }))).toEqual({ items: [] });
    expect(query.received).toHaveLength(2);
  });

  it('a 503 that persists → upstream_error after two retries', async () => {
    const get = route('get', dataSourcePath, () => notionError(503, 'service_unavailable', 'Notion is unavailable, please try again later.'));
    fake.use(get.handler);
    expect(resultError(await getPage())).toBe('upstream_error: Notion failed (HTTP 503): Notion is unavailable, please try again later.');
    expect(get.received).toHaveLength(3);
  });

  it('a 500 is final (the fleet retries 429/502/503/504 only)', async () => {
    const get = route('get', dataSourcePath, () => notionError(500, 'internal_server_error', 'Unexpected error occurred.'));
    fake.use(get.handler);
    expect(resultError(await getPage())).toBe('upstream_error: Notion failed (HTTP 500): Unexpected error occurred.');
    expect(get.received).toHaveLength(1);
  });

  it('a 200 that is not JSON → upstream_error naming Notion', async () => {
    fake.use(route('get', dataSourcePath, () => new HttpResponse('<html>Notion</html>', { headers: { 'content-type': 'text/html' } })).handler);
    expect(resultError(await getPage())).toBe('upstream_error: Notion answered HTTP 200 with text/html instead of JSON.');
  });

  it('a 502 with a non-JSON body (a proxy page) → upstream_error', async () => {
    fake.use(route('get', dataSourcePath, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })).handler);
    expect(resultError(await getPage())).toBe('upstream_error: Notion failed (HTTP 502).');
  });

  it('a network failure → upstream_error naming Notion', async () => {
    fake.use(route('get', dataSourcePath, () => HttpResponse.error()).handler);
    expect(resultError(await getPage())).toMatch(/^upstream_error: could not reach Notion at https:\/\/notion\.fake \(.+\)\.$/);
  });

  it('a call that times out is not retried behind the caller’s back', async () => {
    const slow = route('get', dataSourcePath, async () => {
      await delay(1000);
      return notionError(503, 'service_unavailable', 'unavailable');
    });
    fake.use(slow.handler);
    const result = await callTool('get_data_source', { dataSourceId: DATA_SOURCE_ID }, { ...configuredEnv, MCP_TOOL_TIMEOUT_MS: '100' });
    expect(resultError(result)).toBe('timeout: get_data_source did not finish within 100 ms.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slow.received).toHaveLength(1);
  });

  it.each([
    ['an unknown search type', 'search', { type: 'database' }, 'type'],
    ['a limit over 100', 'search', { limit: 500 }, 'limit'],
    ['a page id that is not an id', 'fetch_page', { pageId: '../../../../../../../../../../../../../x' }, 'pageId'],
    ['a maxDepth of 9', 'fetch_page', { pageId: PAGE_ID, maxDepth: 9 }, 'maxDepth'],
  ])('invalid arguments (%s) → invalid_input naming the field, without calling Notion', async (_label, tool, args, field) => {
    const message = resultError(await callTool(tool, args));
    expect(message).toMatch(new RegExp(`^invalid_input: invalid arguments for ${tool}:`));
    expect(message).toContain(field);
  });
});
