import { Writable } from 'node:stream';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { defineMcpApp, envSecret, toolDefiner } from '../src';
import { connect } from './in-memory-client';

/**
 * The upstream fetch as apps use it: handed to a "vendor SDK" built once in createContext,
 * every request bound to the tool call that made it, through the real runtime.
 */
const API = 'https://api.acme.test';
const fake = setupServer();
beforeAll(() => fake.listen({ onUnhandledRequest: 'error' }));
afterEach(() => fake.resetHandlers());
afterAll(() => fake.close());

/** A stand-in for a vendor SDK: takes a fetch at construction, wraps its errors as SDKs do. */
class AcmeSdk {
  constructor(private readonly fetch: typeof globalThis.fetch) {}
  async post(path: string): Promise<unknown> {
    try {
      const response = await this.fetch(`${API}${path}`, { method: 'POST', body: '{}' });
      if (!response.ok) throw new Error(`Acme SDK: HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      throw new Error('Acme SDK request failed', { cause: error });
    }
  }
}

const defineAcmeTool = toolDefiner<{ sdk: AcmeSdk }>();
const tool = (name: string, readOnlyHint: boolean) =>
  defineAcmeTool({
    name,
    toolset: 'acme',
    title: name,
    description: name,
    input: z.object({}),
    annotations: { readOnlyHint },
    handler: (_input, ctx) => ctx.sdk.post(`/${name}`),
  });

const acmeApp = defineMcpApp({
  manifest: {
    name: 'acme-mcp',
    title: 'Acme',
    description: 'Acme server for tests.',
    port: 9098,
    env: { ACME_TOKEN: { description: 'Token.', secret: true, required: true } },
  },
  version: '1.0.0',
  tools: [tool('acme_search', true), tool('acme_create', false)],
  config: z.object({ ACME_TOKEN: envSecret() }),
  createContext: (_config, deps) => ({ sdk: new AcmeSdk(deps.upstreamFetch('Acme')) }),
});

const env = { ACME_TOKEN: 'acme-token-000000', MCP_UPSTREAM_RETRY_DELAY_MS: '5' };

function counted(path: string, answers: Array<() => Response>) {
  const seen = { count: 0 };
  fake.use(http.post(`${API}${path}`, () => (answers[Math.min(seen.count++, answers.length - 1)] ?? (() => HttpResponse.json({})))()));
  return seen;
}

describe('the upstream fetch inside tool calls', () => {
  it('retries a POST of a read-only tool, and never one of a write tool', async () => {
    const search = counted('/acme_search', [() => new HttpResponse(null, { status: 503 }), () => HttpResponse.json({ hits: 1 })]);
    const create = counted('/acme_create', [() => new HttpResponse(null, { status: 503 }), () => HttpResponse.json({ id: 1 })]);
    const { client, textOf, close } = await connect(acmeApp, env);
    const read = await client.callTool({ name: 'acme_search', arguments: {} });
    const write = await client.callTool({ name: 'acme_create', arguments: {} });
    await close();
    expect(textOf(read)).toBe('{"hits":1}');
    expect(search.count).toBe(2);
    expect(write.isError).toBe(true);
    expect(create.count).toBe(1);
  });

  it('logs each retry on the call\'s logger: service, status, attempt and wait', async () => {
    counted('/acme_search', [() => new HttpResponse(null, { status: 502 }), () => HttpResponse.json({ hits: 1 })]);
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { client, close } = await connect(acmeApp, env, destination);
    await client.callTool({ name: 'acme_search', arguments: {} });
    await close();
    const retry = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'upstream retry');
    expect(retry).toMatchObject({ tool: 'acme_search', service: 'Acme', status: 502, attempts: 1, waitMs: expect.any(Number) });
    expect(retry.requestId).toEqual(expect.any(String));
  });

  it('reports the precise error even when the SDK wraps it (rate_limited naming the wait, not internal_error)', async () => {
    counted('/acme_search', [() => HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '90' } })]);
    const { client, textOf, close } = await connect(acmeApp, env);
    const result = await client.callTool({ name: 'acme_search', arguments: {} });
    await close();
    expect(textOf(result)).toBe('rate_limited: Acme rate limit reached (HTTP 429): slow down. Retry after 90s.');
  });

  it('ends the upstream request when the call times out', async () => {
    let aborted = false;
    fake.use(
      http.post(`${API}/acme_search`, ({ request }) => {
        return new Promise<Response>((resolve) =>
          request.signal.addEventListener('abort', () => {
            aborted = true;
            resolve(HttpResponse.json({}));
          }),
        );
      }),
    );
    const { client, textOf, close } = await connect(acmeApp, { ...env, MCP_TOOL_TIMEOUT_MS: '100' });
    const result = await client.callTool({ name: 'acme_search', arguments: {} });
    await close();
    expect(textOf(result)).toBe('timeout: acme_search did not finish within 100 ms.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(aborted).toBe(true);
  });
});
