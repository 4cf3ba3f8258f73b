import { connect as tcpConnect } from 'node:net';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startMcpServer, type RunningMcpServer } from '../src';
import { echoApp } from './echo-app';

/** Hostile requests from issue #10 (defect 7): each gets a 4xx with a JSON-RPC error, never a 500. */

function send(url: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Raw bytes on a socket: node's client will not send two Host headers. */
function sendRaw(port: number, head: string, body: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1', () => socket.end(`${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** The JSON-RPC message of a JSON or single-event SSE answer. */
const jsonRpcBody = (body: string) => JSON.parse(/^data: (.*)$/m.exec(body)?.[1] ?? body);

const mcpHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-11-25',
};
const ping = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });

describe('hostile HTTP requests', () => {
  let server: RunningMcpServer;
  const lines: Array<{ level: string; msg: string; err?: { stack?: string }; outcome?: string }> = [];
  beforeAll(async () => {
    const previous = { ...process.env };
    Object.assign(process.env, { ECHO_TOKEN: 'x', LOG_LEVEL: 'info', MCP_PORT: '0', MCP_MAX_BODY_BYTES: '200000' });
    try {
      server = await startMcpServer(echoApp, {
        handleSignals: false,
        defaultMetrics: false,
        logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) },
      });
    } finally {
      process.env = previous;
    }
  });
  afterAll(() => server.close());

  it('answers JSON nested 5,000 and 50,000 levels deep with a 400 parse error', async () => {
    for (const depth of [5_000, 50_000]) {
      const deep = `{"jsonrpc":"2.0","id":1,"method":"ping","params":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      const response = await send(server.url, { headers: mcpHeaders, body: deep });
      expect([depth, response.status, JSON.parse(response.body).error.code]).toEqual([depth, 400, -32700]);
    }
    const deepObjects = `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`;
    expect((await send(server.url, { headers: mcpHeaders, body: deepObjects })).status).toBe(400);
  });

  it('refuses a Host with userinfo, a bad port or two Host headers, and still serves localhost', async () => {
    for (const host of ['evil.com@localhost', 'localhost@evil.com', 'user:pw@127.0.0.1:3000', 'localhost:99999x', 'local host', 'localhost/x']) {
      const response = await send(server.url, { headers: { ...mcpHeaders, host }, body: ping });
      expect([host, [400, 403].includes(response.status)]).toEqual([host, true]);
      expect(JSON.parse(response.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
    }
    const post = `POST /mcp HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n`;
    const twice = await sendRaw(server.port, `${post}Host: localhost\r\nHost: evil.example\r\n`, ping);
    expect(twice).toMatch(/^HTTP\/1\.1 400 /);
    const once = await sendRaw(server.port, `${post}Host: LocalHost:${server.port}\r\n`, ping);
    expect(once).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('answers client mistakes with 4xx and logs them below error level, without a stack', async () => {
    lines.length = 0;
    const cases: Array<[Record<string, string>, string | Buffer, number]> = [
      [{ ...mcpHeaders, 'content-type': 'application/json; charset=latin-9' }, ping, 415],
      [{ ...mcpHeaders, 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'), 400],
      [{ ...mcpHeaders, 'content-encoding': 'br-nope' }, ping, 415],
      [{ ...mcpHeaders, 'content-encoding': 'gzip' }, gzipSync('x'.repeat(300_000)), 413],
      [mcpHeaders, JSON.stringify({ pad: 'x'.repeat(250_000) }), 413],
    ];
    for (const [headers, body, status] of cases) {
      const response = await send(server.url, { headers, body });
      expect([headers['content-encoding'] ?? headers['content-type'], response.status]).toEqual([
        headers['content-encoding'] ?? headers['content-type'],
        status,
      ]);
      expect(JSON.parse(response.body)).toMatchObject({ jsonrpc: '2.0', error: expect.any(Object) });
    }
    expect(lines.filter((line) => ['error', 'fatal'].includes(line.level))).toEqual([]);
    expect(lines.filter((line) => line.err?.stack)).toEqual([]);
  });

  it('ends the call when its client goes away mid-call', async () => {
    lines.length = 0;
    const call = JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'echo', arguments: { message: 'gone', delayMs: 10_000 } } });
    const req = request(server.url, { method: 'POST', headers: mcpHeaders });
    req.on('error', () => undefined);
    req.end(call);
    await new Promise((resolve) => setTimeout(resolve, 200));
    req.destroy();
    const ended = async () => {
      for (let waited = 0; waited < 5_000; waited += 20) {
        const line = lines.find((entry) => entry.msg === 'tool call');
        if (line) return line;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return undefined;
    };
    expect(await ended()).toMatchObject({ outcome: 'timeout', durationMs: expect.any(Number) });
  });

  it('answers a lone UTF-16 surrogate in a tool argument as invalid_input', async () => {
    const call = (message: string) =>
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { message } } });
    for (const escaped of ['\\ud800', 'ok\\udfffok', '\\udc00\\ud800']) {
      const body = call('PLACEHOLDER').replace('PLACEHOLDER', escaped);
      const response = await send(server.url, { headers: mcpHeaders, body });
      expect(response.status).toBe(200);
      const result = jsonRpcBody(response.body).result;
      expect([escaped, result.isError, result.content[0].text]).toEqual([
        escaped,
        true,
        expect.stringMatching(/^invalid_input: .*message.*(well-formed|surrogate)/i),
      ]);
    }
    const fine = await send(server.url, { headers: mcpHeaders, body: call('😀 fine') });
    expect(jsonRpcBody(fine.body).result.isError).toBeFalsy();
  });
});
