import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { API_KEY, callTool, configuredEnv, json, modelsRoute, openrouterError, route } from './fake-upstream';
import { CATALOGUE, KEY } from './fixtures/openrouter';

/**
 * How OpenRouter's failures reach the client. The base's upstream fetch does the retrying (tuned by
 * the MCP_UPSTREAM_* settings); these specs pin down what the caller sees for OpenRouter's answers.
 */
describe('OpenRouter failures', () => {
  const fake = useFakeUpstream();
  const keyUsage = (env: Record<string, string> = configuredEnv) => callTool('get_key_usage', {}, env);

  it("401 → unauthorized with OpenRouter's message", async () => {
    fake.use(route('get', '/key', () => openrouterError(401, 'No auth credentials found')).handler);
    expect(resultError(await keyUsage())).toBe('unauthorized: OpenRouter rejected the credentials (HTTP 401): No auth credentials found. Check the token.');
  });

  it('403 → forbidden with the reason', async () => {
    fake.use(route('get', '/key', () => openrouterError(403, 'Key disabled')).handler);
    expect(resultError(await keyUsage())).toBe('forbidden: OpenRouter denied access (HTTP 403): Key disabled.');
  });

  it('429 with a short Retry-After is waited out, then succeeds', async () => {
    const key = route('get', '/key', (_request, call) => (call === 1 ? openrouterError(429, 'Rate limit exceeded', { 'retry-after': '1' }) : HttpResponse.json(KEY)));
    fake.use(key.handler);
    const started = Date.now();
    expect(json(await keyUsage({ ...configuredEnv, MCP_UPSTREAM_MAX_RETRY_AFTER_MS: '1500' })).limitUsd).toBe(100);
    expect(key.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a long Retry-After → rate_limited at once, naming the wait', async () => {
    const key = route('get', '/key', () => openrouterError(429, 'Rate limit exceeded', { 'retry-after': '120' }));
    fake.use(key.handler);
    expect(resultError(await keyUsage())).toBe('rate_limited: OpenRouter rate limit reached (HTTP 429): Rate limit exceeded. Retry after 120s.');
    expect(key.received).toHaveLength(1);
  });

  it('a 502/503 on a read is retried, then succeeds (the catalogue too)', async () => {
    const models = route('get', '/models', (_request, call) => (call === 1 ? openrouterError(503, 'Service Unavailable') : call === 2 ? openrouterError(502, 'Bad Gateway') : HttpResponse.json({ data: CATALOGUE })));
    fake.use(models.handler);
    expect(json(await callTool('search_models', { query: 'gpt' })).total).toBe(2);
    expect(models.received).toHaveLength(3);
  });

  it.each([
    ['HTML', () => new HttpResponse('<html>Cloudflare</html>', { headers: { 'content-type': 'text/html' } }), 'OpenRouter answered HTTP 200 with text/html instead of JSON.'],
    ['JSON without the data envelope', () => HttpResponse.json({ models: [] }), 'OpenRouter answered models with an unexpected body (`data` is not a list).'],
  ])('a 200 with %s → upstream_error naming OpenRouter', async (_label, answer, message) => {
    fake.use(route('get', '/models', answer).handler);
    expect(resultError(await callTool('search_models', {}))).toBe(`upstream_error: ${message}`);
  });

  it('an error that repeats the key never shows it to the client', async () => {
    fake.use(route('get', '/key', ({ headers }) => openrouterError(401, `Invalid key ${headers.get('authorization')}`)).handler);
    const message = resultError(await keyUsage());
    expect(message).not.toContain(API_KEY);
    expect(message).toContain('[redacted]');
  });

  it('a huge catalogue is never dumped: a search answers one page of compact summaries', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ ...CATALOGUE[i % CATALOGUE.length], id: `bulk/model-${i}`, description: 'z'.repeat(2000) }));
    fake.use(modelsRoute(many).handler);
    const result = await callTool('search_models', {});
    const page = json(result);
    expect(page.total).toBe(3000);
    expect(page.items).toHaveLength(20);
    expect(JSON.stringify(result.content).length).toBeLessThan(20_000);
  });
});
