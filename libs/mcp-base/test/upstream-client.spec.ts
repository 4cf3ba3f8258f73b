import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ServerMetrics, ToolError, UpstreamClient, createUpstreamFetchFactory, parseUpstreamSettings } from '../src';

const API = 'https://api.acme.test/v1';
const fake = setupServer();
beforeAll(() => fake.listen({ onUnhandledRequest: 'error' }));
afterEach(() => fake.resetHandlers());
afterAll(() => fake.close());

const settings = parseUpstreamSettings({ MCP_UPSTREAM_RETRY_DELAY_MS: '10' });
const client = (metrics = new ServerMetrics({ defaultMetrics: false })) =>
  new UpstreamClient({
    service: 'Acme',
    baseUrl: API,
    headers: { authorization: 'Bearer t' },
    fetch: createUpstreamFetchFactory({ metrics, settings })('Acme'),
  });

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

describe('UpstreamClient', () => {
  it('sends JSON with the configured headers and query, and parses the answer', async () => {
    fake.use(
      http.post(`${API}/things`, async ({ request }) =>
        HttpResponse.json({
          auth: request.headers.get('authorization'),
          q: new URL(request.url).searchParams.get('q'),
          body: await request.json(),
        }),
      ),
    );
    await expect(client().post('/things', { json: { a: 1 }, searchParams: { q: 'x' } })).resolves.toEqual({
      auth: 'Bearer t',
      q: 'x',
      body: { a: 1 },
    });
  });

  it('retries a 503 and counts both answers', async () => {
    const metrics = new ServerMetrics({ defaultMetrics: false });
    let calls = 0;
    fake.use(
      http.get(`${API}/flaky`, () =>
        ++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true }),
      ),
    );
    await expect(client(metrics).get('/flaky')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
    const rendered = await metrics.render();
    expect(rendered).toContain('mcp_upstream_requests_total{status="503"} 1');
    expect(rendered).toContain('mcp_upstream_requests_total{status="200"} 1');
  });

  it('waits out a short Retry-After on 429, then succeeds', async () => {
    let calls = 0;
    fake.use(
      http.get(`${API}/limited`, () =>
        ++calls === 1
          ? HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '1' } })
          : HttpResponse.json({ ok: true }),
      ),
    );
    await expect(client().get('/limited')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('fails at once as rate_limited when Retry-After is longer than it will wait', async () => {
    let calls = 0;
    fake.use(
      http.get(`${API}/limited`, () => {
        calls += 1;
        return HttpResponse.json({ error: { message: 'quota' } }, { status: 429, headers: { 'retry-after': '120' } });
      }),
    );
    const error = await failure(client().get('/limited'));
    expect(calls).toBe(1);
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(120);
    expect(error.toText()).toBe('rate_limited: Acme rate limit reached (HTTP 429): quota. Retry after 120s.');
  });

  it('does not retry a POST, and maps 404 with the vendor message', async () => {
    let calls = 0;
    fake.use(
      http.post(`${API}/things`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 503 });
      }),
      http.get(`${API}/things/9`, () => HttpResponse.json({ message: 'Thing 9 does not exist' }, { status: 404 })),
    );
    expect((await failure(client().post('/things', { json: {} }))).kind).toBe('upstream_error');
    expect(calls).toBe(1);
    expect((await failure(client().get('/things/9'))).toText()).toBe(
      'not_found: Acme found nothing there (HTTP 404): Thing 9 does not exist.',
    );
  });

  it('reads the message from an errors array (Asana style) and maps 402 to forbidden', async () => {
    fake.use(
      http.get(`${API}/premium`, () =>
        HttpResponse.json({ errors: [{ message: 'Search requires a premium plan.', help: 'https://…' }] }, { status: 402 }),
      ),
    );
    expect((await failure(client().get('/premium'))).toText()).toBe(
      'forbidden: Acme requires a paid plan for this (HTTP 402): Search requires a premium plan.',
    );
  });
});
