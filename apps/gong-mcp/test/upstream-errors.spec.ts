import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { ACCESS_KEY, ACCESS_SECRET, BASIC_AUTH, callTool, configuredEnv, gongError, gongList, route } from './fake-upstream';
import { callMeta, extensiveCall } from './fixtures/gong';

/**
 * How Gong's failures reach the client. The base's upstream fetch retries and paces; GongApi maps
 * Gong's `{ errors: [...] }` bodies once, saying what to do.
 */
describe('Gong failures', () => {
  const fake = useFakeUpstream();
  const listCalls = (env: Record<string, string> = configuredEnv) => callTool('list_calls', {}, env);
  const calls = () => gongList('calls', [callMeta('1')]);

  it('401 → unauthorized naming the variables to check', async () => {
    fake.use(route('get', '/calls', () => gongError(401, 'Unauthorized')).handler);
    expect(resultError(await listCalls())).toBe(
      "unauthorized: Gong rejected the credentials (HTTP 401): Unauthorized. Check GONG_ACCESS_KEY and GONG_ACCESS_SECRET (a pair from Gong's API page), and that GONG_API_URL is your company's base URL shown there.",
    );
  });

  it('403 → forbidden naming the scope the endpoint needs', async () => {
    fake.use(route('post', '/calls/transcript', () => gongError(403, 'Access denied')).handler, route('post', '/calls/extensive', () => gongList('calls', [])).handler);
    expect(resultError(await callTool('get_transcript', { callId: '1' }))).toBe(
      'forbidden: Gong denied access (HTTP 403): Access denied. The API key needs the scope api:calls:read:transcript, and API access must be enabled by a Gong technical administrator; private calls and folders are not served.',
    );
  });

  it('429 with a short Retry-After is waited out, then succeeds', async () => {
    const list = route('get', '/calls', (_request, call) => (call === 1 ? gongError(429, 'API request limit exceeded', { 'retry-after': '1' }) : calls()));
    fake.use(list.handler);
    expect(resultJson(await listCalls())).toMatchObject({ items: [{ id: '1' }] });
    expect(list.received).toHaveLength(2);
  });

  it('429 with a long Retry-After (the daily limit) → rate_limited at once, naming the wait', async () => {
    const list = route('get', '/calls', () => gongError(429, 'API request limit exceeded', { 'retry-after': '3600' }));
    fake.use(list.handler);
    expect(resultError(await listCalls())).toBe('rate_limited: Gong rate limit reached (HTTP 429): API request limit exceeded. Retry after 3600s.');
    expect(list.received).toHaveLength(1);
  });

  it('a 503 on a read POST (calls/extensive) is retried, then succeeds', async () => {
    const extensive = route('post', '/calls/extensive', (_request, call) => (call === 1 ? gongError(503, 'Service Unavailable') : gongList('calls', [extensiveCall('1')])));
    fake.use(extensive.handler);
    expect(resultJson(await callTool('get_call_details', { callIds: ['1'] }))).toMatchObject({ calls: [{ call: { id: '1' } }] });
    expect(extensive.received).toHaveLength(2);
  });

  it("a 500 is not retried and → upstream_error with Gong's message", async () => {
    const list = route('get', '/calls', () => gongError(500, 'Failed to complete the operation due to an unexpected error'));
    fake.use(list.handler);
    expect(resultError(await listCalls())).toBe('upstream_error: Gong failed (HTTP 500): Failed to complete the operation due to an unexpected error.');
    expect(list.received).toHaveLength(1);
  });

  it('400 → invalid_input with what Gong objected to', async () => {
    fake.use(route('get', '/calls', () => gongError(400, 'fromDateTime must be before toDateTime')).handler);
    expect(resultError(await callTool('list_calls', { fromDateTime: '2026-11-08T00:00:00Z', toDateTime: '2026-11-01T00:00:00Z' }))).toBe(
      'invalid_input: Gong rejected the request (HTTP 400): fromDateTime must be before toDateTime.',
    );
  });

  it('a credential echoed back in an error never reaches the client', async () => {
    fake.use(route('get', '/calls', ({ headers }) => gongError(401, `bad credential ${headers.get('authorization')}`)).handler);
    const message = resultError(await listCalls());
    expect(message).toContain('bad credential [redacted]');
    for (const secret of [BASIC_AUTH, BASIC_AUTH.slice('Basic '.length), ACCESS_KEY, ACCESS_SECRET]) expect(message).not.toContain(secret);
  });

  it('a credential echoed back in a 429 it gives up on never reaches the client either', async () => {
    fake.use(route('get', '/calls', ({ headers }) => gongError(429, `limit for ${headers.get('authorization')}`, { 'retry-after': '3600' })).handler);
    const message = resultError(await listCalls());
    expect(message).toContain('rate_limited: Gong rate limit reached (HTTP 429): limit for [redacted]');
    for (const secret of [BASIC_AUTH, BASIC_AUTH.slice('Basic '.length), ACCESS_KEY, ACCESS_SECRET]) expect(message).not.toContain(secret);
  });

  it('a 200 without the documented list → upstream_error naming Gong', async () => {
    fake.use(route('get', '/calls', () => HttpResponse.json({ requestId: 'r', unexpected: true })).handler);
    expect(resultError(await listCalls())).toBe('upstream_error: Gong answered calls without the `calls` list it documents.');
  });

  it('accepts GONG_API_URL with the /v2 suffix', async () => {
    const list = route('get', '/calls', calls);
    fake.use(list.handler);
    expect(resultJson(await listCalls({ ...configuredEnv, GONG_API_URL: `${configuredEnv.GONG_API_URL}/v2/` }))).toMatchObject({ items: [{ id: '1' }] });
    expect(list.received).toHaveLength(1);
  });

  it('paces requests to GONG_MAX_REQUESTS_PER_SECOND: the pages of one scan arrive a spacing apart', async () => {
    const arrivals: number[] = [];
    fake.use(
      route('post', '/calls/extensive', (request) => {
        arrivals.push(performance.now());
        const cursor = (request.body as { cursor?: string }).cursor;
        const next = { undefined: 'p2', p2: 'p3', p3: undefined }[String(cursor) as 'undefined' | 'p2' | 'p3'];
        return gongList('calls', [extensiveCall(String(arrivals.length))], next);
      }).handler,
    );
    const result = resultJson<{ scanned: { pages: number } }>(
      await callTool('find_calls', { titleContains: 'nothing matches this' }, { ...configuredEnv, GONG_MAX_REQUESTS_PER_SECOND: '2' }),
    );
    expect(result.scanned.pages).toBe(3);
    // One start per 500 ms; arrivals jitter by the time each request takes to reach the fake, so a generous floor.
    const gaps = arrivals.slice(1).map((time, index) => time - (arrivals[index] ?? time));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(400);
  });
});
