import { request } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startMcpServer, type RunningMcpServer } from '../src';
import { echoApp } from './echo-app';

/** Raw request with full header control (fetch cannot set Host). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const mcpHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};
const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });

async function start(env: Record<string, string>): Promise<RunningMcpServer> {
  const previous = { ...process.env };
  Object.assign(process.env, { ECHO_TOKEN: 'x', LOG_LEVEL: 'silent', MCP_PORT: '0', ...env });
  try {
    return await startMcpServer(echoApp, { handleSignals: false, defaultMetrics: false });
  } finally {
    process.env = previous;
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

describe('the HTTP app', () => {
  let server: RunningMcpServer;
  beforeAll(async () => {
    server = await start({ MCP_MAX_BODY_BYTES: '2048' });
  });
  afterAll(() => server.close());
  const base = () => server.url.replace(/\/mcp$/, '');

  it('answers health and readiness outside the Host guard', async () => {
    expect((await send(`${base()}/healthz`, { method: 'GET', headers: { host: '10.0.0.9:9099' } })).status).toBe(200);
    const ready = await send(`${base()}/readyz`, { method: 'GET', headers: { host: '10.0.0.9:9099' } });
    expect([ready.status, JSON.parse(ready.body)]).toEqual([200, { ready: true, status: 'ready', tools: 2 }]);
  });

  it('rejects a foreign Host or Origin with 403', async () => {
    expect((await send(server.url, { headers: { ...mcpHeaders, host: 'evil.example' }, body: ping })).status).toBe(403);
    const origin = await send(server.url, { headers: { ...mcpHeaders, origin: 'http://evil.example' }, body: ping });
    expect(origin.status).toBe(403);
    const local = await send(server.url, { headers: { ...mcpHeaders, origin: 'http://localhost:3000' }, body: ping });
    expect(local.status).toBe(200);
  });

  it('allows only POST on /mcp', async () => {
    for (const method of ['GET', 'DELETE', 'PUT']) {
      const response = await send(server.url, { method, headers: mcpHeaders });
      expect([method, response.status, response.headers['allow']]).toEqual([method, 405, 'POST']);
    }
  });

  it('answers other paths with a JSON 404, behind the guards under /mcp/', async () => {
    for (const path of ['/nope', '/mcp/x', '/healthzz']) {
      const response = await send(`${base()}${path}`, { method: 'GET', headers: mcpHeaders });
      expect([path, response.status, JSON.parse(response.body)]).toEqual([path, 404, { error: 'not found: MCP is served at POST /mcp' }]);
    }
    expect((await send(`${base()}/mcp/x`, { headers: { ...mcpHeaders, host: 'evil.example' } })).status).toBe(403);
    expect((await send(`${base()}/healthz/?probe=1`, { method: 'GET' })).status).toBe(200);
  });

  it('answers a call in one piece, with a Content-Length', async () => {
    const call = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'echo', arguments: { message: 'one' } } });
    const response = await send(server.url, { headers: mcpHeaders, body: call });
    expect([response.status, response.headers['transfer-encoding']]).toEqual([200, undefined]);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    const message = JSON.parse(/^data: (.*)$/m.exec(response.body)?.[1] ?? response.body);
    expect(message.result.content[0].text).toBe('{"echoed":"one"}');
  });

  it('rejects an unsupported MCP-Protocol-Version with 400', async () => {
    const response = await send(server.url, {
      headers: { ...mcpHeaders, 'mcp-protocol-version': '1999-01-01' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Unsupported protocol version: 1999-01-01');
  });

  it('limits the body size and answers bad JSON with a parse error', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(4096) } });
    expect((await send(server.url, { headers: mcpHeaders, body: big })).status).toBe(413);
    const bad = await send(server.url, { headers: mcpHeaders, body: '{nope' });
    expect([bad.status, JSON.parse(bad.body).error.code]).toEqual([400, -32700]);
  });

  it('exports tool metrics in Prometheus format', async () => {
    const client = await connect(server.url);
    await client.callTool({ name: 'echo', arguments: { message: 'hi' } });
    await client.close();
    const metrics = await send(`${base()}/metrics`, { method: 'GET' });
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toContain('mcp_tool_calls_total{tool="echo",outcome="ok"}');
  });
});

describe('bearer auth', () => {
  it('demands MCP_AUTH_TOKEN as a bearer, compared exactly', async () => {
    const server = await start({ MCP_AUTH_TOKEN: 'sesame-token-0123456789abcdef-0123' });
    try {
      const none = await send(server.url, { headers: mcpHeaders, body: ping });
      expect([none.status, none.headers['www-authenticate']]).toEqual([401, 'Bearer realm="mcp"']);
      const wrong = await send(server.url, { headers: { ...mcpHeaders, authorization: 'Bearer sesame' }, body: ping });
      expect([wrong.status, wrong.headers['www-authenticate']]).toEqual([
        401,
        'Bearer realm="mcp", error="invalid_token"',
      ]);
      const right = await send(server.url, {
        headers: { ...mcpHeaders, authorization: 'Bearer sesame-token-0123456789abcdef-0123' },
        body: ping,
      });
      expect(right.status).toBe(200);
      expect((await send(`${server.url.replace(/\/mcp$/, '')}/healthz`, { method: 'GET' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight call, turns not-ready, then refuses new connections', async () => {
    const server = await start({ MCP_SHUTDOWN_TIMEOUT_MS: '5000' });
    const client = await connect(server.url);
    const inFlight = client.callTool({ name: 'echo', arguments: { message: 'late', delayMs: 300 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close();
    expect(server.runtime.readiness().status).toBe('shutting_down');
    const result = await inFlight;
    expect(JSON.stringify(result.content)).toContain('late');
    await closed;
    await expect(send(server.url, { headers: mcpHeaders, body: ping })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('names the port and server when the port is taken', async () => {
    const first = await start({});
    try {
      await expect(start({ MCP_PORT: String(first.port) })).rejects.toThrow(
        `echo-mcp: port ${first.port} on 127.0.0.1 is already in use (set MCP_PORT to move it)`,
      );
    } finally {
      await first.close();
    }
  });
});
