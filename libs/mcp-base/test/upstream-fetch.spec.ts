import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ServerMetrics, ToolError, createLogger, createUpstreamFetchFactory, parseUpstreamSettings } from '../src';
import { runInCallScope, type CallScope } from '../src/upstream/call-scope';
import { backoffMs } from '../src/upstream/retry-policy';

const API = 'https://api.acme.test/v1';
const fake = setupServer();
beforeAll(() => fake.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => fake.resetHandlers());
afterAll(() => fake.close());

const settings = parseUpstreamSettings({ MCP_UPSTREAM_RETRY_DELAY_MS: '5', MCP_UPSTREAM_TIMEOUT_MS: '300' });
function upstream(metrics = new ServerMetrics({ defaultMetrics: false }), options = {}) {
  return createUpstreamFetchFactory({ metrics, settings })('Acme', options);
}

/** Runs `work` as a tool call would: inside a call scope with its own signal and deadline. */
function inCall<T>(work: () => Promise<T>, scope: Partial<CallScope> = {}): Promise<T> {
  return runInCallScope(
    {
      signal: new AbortController().signal,
      requestId: 'test',
      logger: createLogger({ name: 'test', level: 'silent' }),
      deadline: Date.now() + 10_000,
      readOnly: false,
      ...scope,
    },
    work,
  );
}

/** Answers with `answers` in order, then repeats the last; counts requests. */
function sequence(method: 'get' | 'post', answers: Array<() => Response>) {
  const seen = { count: 0 };
  fake.use(http[method](`${API}/thing`, () => (answers[Math.min(seen.count++, answers.length - 1)] ?? ok)()));
  return seen;
}

const ok = () => HttpResponse.json({ ok: true });
const status = (code: number, headers: Record<string, string> = {}) => () =>
  HttpResponse.json({ message: `said ${code}` }, { status: code, headers });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('the upstream fetch: one retry policy', () => {
  it('retries a read after 503 and counts every attempt in mcp_upstream_requests_total', async () => {
    const metrics = new ServerMetrics({ defaultMetrics: false });
    const seen = sequence('get', [status(503), status(502), ok]);
    const response = await inCall(() => upstream(metrics)(`${API}/thing`));
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.count).toBe(3);
    const rendered = await metrics.render();
    for (const code of ['503', '502', '200']) expect(rendered).toContain(`mcp_upstream_requests_total{status="${code}"} 1`);
  });

  it('hands the last answer back once the retries are used up', async () => {
    const seen = sequence('get', [status(504)]);
    const response = await inCall(() => upstream()(`${API}/thing`));
    expect(response.status).toBe(504);
    expect(seen.count).toBe(settings.retries + 1);
  });

  it('waits out Retry-After: 1 before the retry, and retries at once after a past HTTP-date', async () => {
    sequence('get', [status(429, { 'retry-after': '1' }), ok]);
    const started = Date.now();
    await inCall(() => upstream()(`${API}/thing`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    sequence('get', [status(429, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() }), ok]);
    const again = Date.now();
    expect((await inCall(() => upstream()(`${API}/thing`))).status).toBe(200);
    expect(Date.now() - again).toBeLessThan(500);
  });

  it('fails at once as rate_limited naming the wait when Retry-After is beyond the cap', async () => {
    const seen = sequence('get', [status(429, { 'retry-after': '120' })]);
    const error = await rejection(inCall(() => upstream()(`${API}/thing`)));
    expect(seen.count).toBe(1);
    expect((error as ToolError).toText()).toBe('rate_limited: Acme rate limit reached (HTTP 429): said 429. Retry after 120s.');
  });

  it('fails at once as rate_limited when the wait would outlast the call', async () => {
    const seen = sequence('get', [status(429, { 'retry-after': '1' }), ok]);
    const error = await rejection(inCall(() => upstream()(`${API}/thing`), { deadline: Date.now() + 500 }));
    expect(seen.count).toBe(1);
    expect(error).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 1 } });
  });

  it('never retries a write, but retries a POST made by a read-only tool (search, GraphQL query) or marked idempotent', async () => {
    const write = sequence('post', [status(503), ok]);
    expect((await inCall(() => upstream()(`${API}/thing`, { method: 'POST', body: '{}' }))).status).toBe(503);
    expect(write.count).toBe(1);

    const read = sequence('post', [status(503), ok]);
    const response = await inCall(() => upstream()(`${API}/thing`, { method: 'POST', body: '{}' }), { readOnly: true });
    expect(response.status).toBe(200);
    expect(read.count).toBe(2);

    const marked = sequence('post', [status(502), ok]);
    const init = { method: 'POST', body: '{}', idempotent: true };
    expect((await inCall(() => upstream()(`${API}/thing`, init))).status).toBe(200);
    expect(marked.count).toBe(2);
  });

  it('treats what the vendor calls a rate limit as one (GitHub: 403 with Retry-After)', async () => {
    const rateLimit = (response: Response) =>
      response.status === 403 && response.headers.has('retry-after') ? { retryAfterSeconds: 90 } : undefined;
    sequence('get', [status(403, { 'retry-after': '90' })]);
    const error = await rejection(inCall(() => upstream(undefined, { rateLimit })(`${API}/thing`)));
    expect((error as ToolError).toText()).toBe('rate_limited: Acme rate limit reached (HTTP 403): said 403. Retry after 90s.');
  });

  it('retries a dropped connection on reads, then names the service and host', async () => {
    const seen = { count: 0 };
    fake.use(
      http.get(`${API}/thing`, () => {
        seen.count += 1;
        return HttpResponse.error();
      }),
    );
    const error = await rejection(inCall(() => upstream()(`${API}/thing`)));
    expect(seen.count).toBe(settings.retries + 1);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).toText()).toMatch(/^upstream_error: could not reach Acme at https:\/\/api\.acme\.test \(.+\)\.$/);
  });

  it.each([
    ['an HTML page', 'text/html', '<html>down</html>', 'Acme answered HTTP 200 with text/html instead of JSON.'],
    ['an empty body', 'application/json', '', 'Acme answered HTTP 200 with an empty body instead of JSON.'],
    ['cut-off JSON', 'application/json', '{"items": [1,', 'Acme answered HTTP 200 with invalid or cut-off JSON.'],
  ])('reports a 2xx with %s as upstream_error', async (_what, contentType, body, message) => {
    fake.use(http.get(`${API}/thing`, () => new HttpResponse(body, { headers: { 'content-type': contentType } })));
    const error = await rejection(inCall(() => upstream()(`${API}/thing`)));
    expect(error).toMatchObject({ kind: 'upstream_error', message });
  });

  it('leaves bodies alone when the request asked for something other than JSON', async () => {
    fake.use(http.get(`${API}/thing`, () => new HttpResponse('plain file text', { headers: { 'content-type': 'text/plain' } })));
    const response = await inCall(() => upstream()(`${API}/thing`, { headers: { accept: 'application/vnd.github.raw' } }));
    expect(await response.text()).toBe('plain file text');
  });

  it('backs off exponentially with jitter: half of each step fixed, half random', () => {
    for (let attempts = 1; attempts <= 4; attempts++) {
      const step = 100 * 2 ** (attempts - 1);
      const wait = backoffMs(attempts, 100);
      expect(wait).toBeGreaterThanOrEqual(step / 2);
      expect(wait).toBeLessThanOrEqual(step);
    }
  });
});

describe('the upstream fetch on a real socket', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Accepts every request and never answers.
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hang`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('times an attempt out with a timeout error naming the service and the setting', async () => {
    const error = await rejection(inCall(() => upstream()(url)));
    expect((error as ToolError).toText()).toBe('timeout: Acme did not answer within 300 ms (MCP_UPSTREAM_TIMEOUT_MS).');
  });

  it('ends the request with the tool call: the call abort comes back as it is, not retried', async () => {
    const controller = new AbortController();
    const reason = new DOMException('The tool call ended.', 'AbortError');
    setTimeout(() => controller.abort(reason), 50);
    const error = await rejection(inCall(() => upstream()(url), { signal: controller.signal }));
    expect(error).toBe(reason);
  });
});

describe('MCP_UPSTREAM_* settings', () => {
  it('has defaults for the fleet and names a bad value', () => {
    expect(parseUpstreamSettings({})).toEqual({ timeoutMs: 20_000, retries: 2, maxRetryAfterMs: 2_000, retryDelayMs: 300 });
    expect(() => parseUpstreamSettings({ MCP_UPSTREAM_RETRIES: 'many' })).toThrow(/MCP_UPSTREAM_RETRIES: expected an integer/);
  });
});
