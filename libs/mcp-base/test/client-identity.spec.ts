import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { z } from 'zod';
import { ToolError, defineMcpApp, startMcpServer, toolDefiner, type RunningMcpServer } from '../src';

/** Bearer identities, the audit line and per-client rate limits, over real HTTP. */
const ALICE = 'alice-token-0123456789abcdef0123456789';
const BOB = 'bob-token-0123456789abcdef0123456789abc';
const SHARED = 'shared-token-0123456789abcdef012345678';

const defineTool = toolDefiner<object>();
const lookup = defineTool({
  name: 'lookup',
  toolset: 'reads',
  title: 'Look up',
  description: 'Finds a thing.',
  input: z.object({ query: z.string(), apiKey: z.string().optional() }),
  annotations: { readOnlyHint: true },
  // Echoes the query in an error, as upstream errors echo what they were sent.
  handler: async ({ query }) => {
    if (query.startsWith('fail:')) throw ToolError.notFound(`nothing matches ${query.slice(5)}`);
    if (query.startsWith('boom:')) throw new Error(`upstream said ${query.slice(5)}`);
    return { found: query.length };
  },
});
const update = defineTool({
  name: 'update',
  toolset: 'writes',
  title: 'Update',
  description: 'Changes a thing.',
  input: z.object({ id: z.string() }),
  annotations: { readOnlyHint: false },
  handler: async () => ({ updated: true }),
});
const app = defineMcpApp({
  manifest: { name: 'identity-mcp', title: 'Identity', description: 'Identity test server.', port: 9098, env: {} },
  version: '1.0.0',
  tools: [lookup, update],
  config: z.object({}),
  createContext: () => ({}),
});

async function start(env: Record<string, string>, logs: string[] = []): Promise<RunningMcpServer> {
  const previous = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'info', MCP_PORT: '0', ...env });
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  try {
    return await startMcpServer(app, { handleSignals: false, defaultMetrics: false, logDestination });
  } finally {
    process.env = previous;
  }
}

async function connect(url: string, token: string, name = 'agent-x'): Promise<Client> {
  const client = new Client({ name, version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return client;
}

const textOf = (result: unknown) => (result as { content: Array<{ text: string }> }).content.map((block) => block.text).join('\n');
const logLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const auditLines = (text: string) => logLines(text).filter((line) => line['name'] === 'audit');
const toolCallLines = (text: string) => logLines(text).filter((line) => line['msg'] === 'tool call');

describe('per-client rate limits', () => {
  let server: RunningMcpServer;
  beforeAll(async () => {
    server = await start({
      MCP_AUTH_TOKENS: `alice:${ALICE},bob:${BOB}`,
      MCP_CLIENT_RATE_LIMIT: 'read=2/min,write=1/min',
      MCP_AUDIT_LOG: 'off',
    });
  });
  afterAll(() => server.close());

  it('refuses the client that used up its reads, with a retry time, while another client still calls', async () => {
    const alice = await connect(server.url, ALICE);
    const bob = await connect(server.url, BOB);
    try {
      for (const query of ['a', 'b']) expect((await alice.callTool({ name: 'lookup', arguments: { query } })).isError).toBeFalsy();
      const refused = await alice.callTool({ name: 'lookup', arguments: { query: 'c' } });
      expect(refused.isError).toBe(true);
      const text = textOf(refused);
      expect(text).toMatch(/^rate_limited: client "alice" has used its 2 read calls per minute on this server \(MCP_CLIENT_RATE_LIMIT\); lookup was not run\. Retry after (\d+)s\.$/);
      const seconds = Number(/Retry after (\d+)s/.exec(text)?.[1]);
      // One token of 2/min drips back in 30 s.
      expect(seconds).toBeGreaterThanOrEqual(29);
      expect(seconds).toBeLessThanOrEqual(30);

      expect(textOf(await bob.callTool({ name: 'lookup', arguments: { query: 'd' } }))).toBe('{"found":1}');
      // Writes have a bucket of their own.
      expect((await alice.callTool({ name: 'update', arguments: { id: '1' } })).isError).toBeFalsy();
      expect(textOf(await alice.callTool({ name: 'update', arguments: { id: '2' } }))).toMatch(/^rate_limited: client "alice" has used its 1 write calls per minute/);
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });

  it('still answers a wrong token with 401, and counts refusals as rejected in the metrics', async () => {
    await expect(connect(server.url, `${ALICE}x`)).rejects.toThrow(/401/);
    const metrics = await (await fetch(server.url.replace(/\/mcp$/, '/metrics'))).text();
    expect(metrics).toContain('mcp_tool_calls_total{tool="lookup",outcome="rejected"} 1');
  });
});

describe('the audit log', () => {
  it('writes one line per call: who, tool, argument names, outcome, duration; never values or tokens', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'audit-')), 'logs', 'audit.log');
    const logs: string[] = [];
    const server = await start(
      { MCP_AUTH_TOKEN: SHARED, MCP_AUTH_TOKENS: `alice:${ALICE}`, MCP_AUDIT_LOG: file, MCP_CLIENT_RATE_LIMIT: 'read=2/min' },
      logs,
    );
    const alice = await connect(server.url, ALICE, 'claude-code');
    const shared = await connect(server.url, SHARED);
    try {
      await alice.callTool({ name: 'lookup', arguments: { query: 'value-of-query', apiKey: 'value-of-api-key', password: 'value-of-password' } });
      // An upstream error echoing a token: scrubbed from the result.
      const echoed = await alice.callTool({ name: 'lookup', arguments: { query: `fail:${BOB}${ALICE}` } });
      expect(textOf(echoed)).toBe(`not_found: nothing matches ${BOB}[redacted]`);
      // An unexpected error is logged with its message and stack: scrubbed there.
      await shared.callTool({ name: 'lookup', arguments: { query: `boom:${ALICE}` } });
      await alice.callTool({ name: 'lookup', arguments: { query: 'third' } });
      await shared.callTool({ name: 'update', arguments: { id: 'value-of-id' } });
    } finally {
      await Promise.all([alice.close(), shared.close()]);
      await server.close();
    }
    const text = readFileSync(file, 'utf8');
    const lines = auditLines(text);
    expect(lines.map(({ client, clientName, tool, args, unknownArgs, outcome }) => ({ client, clientName, tool, args, unknownArgs, outcome }))).toEqual([
      { client: 'alice', clientName: 'claude-code', tool: 'lookup', args: ['query', 'apiKey'], unknownArgs: 1, outcome: 'ok' },
      { client: 'alice', clientName: 'claude-code', tool: 'lookup', args: ['query'], unknownArgs: undefined, outcome: 'not_found' },
      { client: 'default', clientName: 'agent-x', tool: 'lookup', args: ['query'], unknownArgs: undefined, outcome: 'internal_error' },
      { client: 'alice', clientName: 'claude-code', tool: 'lookup', args: ['query'], unknownArgs: undefined, outcome: 'rejected' },
      { client: 'default', clientName: 'agent-x', tool: 'update', args: ['id'], unknownArgs: undefined, outcome: 'ok' },
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({ server: 'identity-mcp', msg: 'tool call', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(typeof line['durationMs']).toBe('number');
    }
    expect(lines.map((line) => line['level'])).toEqual(['info', 'warn', 'warn', 'warn', 'info']);
    for (const secret of ['value-of', 'password', ALICE, BOB, SHARED]) expect(text).not.toContain(secret);
    // The server log has no token either, and the audit lines went to the file only.
    const serverLog = logs.join('');
    expect(serverLog).toContain('upstream said [redacted]');
    for (const token of [ALICE, SHARED]) expect(serverLog).not.toContain(token);
    expect(auditLines(serverLog)).toEqual([]);
  });

  /** The log lines a 2025-era client's one call leaves on the server log stream. */
  async function logOfOneLegacyCall(env: Record<string, string>) {
    const logs: string[] = [];
    const server = await start({ MCP_AUTH_TOKENS: `alice:${ALICE}`, ...env }, logs);
    const client = new Client({ name: 'c', version: '1' }, { versionNegotiation: { mode: 'legacy' } });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { authorization: `Bearer ${ALICE}` } } }),
    );
    await client.callTool({ name: 'lookup', arguments: { query: 'q' } });
    await client.close();
    await server.close();
    return logs.join('');
  }
  const auditOfOneLegacyCall = async (env: Record<string, string>) => auditLines(await logOfOneLegacyCall(env));

  it('goes to the server log stream by default, for 2025-era clients too', async () => {
    // Such a client names itself only in initialize, a request of its own: the identity is the token's.
    expect(await auditOfOneLegacyCall({})).toEqual([
      expect.objectContaining({ client: 'alice', tool: 'lookup', args: ['query'], outcome: 'ok' }),
    ]);
    expect((await auditOfOneLegacyCall({}))[0]).not.toHaveProperty('clientName');
  });

  it('is the call\'s one log line on the server log stream: no second "tool call" line', async () => {
    expect(toolCallLines(await logOfOneLegacyCall({}))).toEqual([
      expect.objectContaining({ name: 'audit', tool: 'lookup', outcome: 'ok', requestId: expect.any(String), durationMs: expect.any(Number) }),
    ]);
  });

  it('leaves the server its own call line when it is off, elsewhere or not at the call\'s level', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log');
    const envs: Array<Record<string, string>> = [{ MCP_AUDIT_LOG: 'off' }, { MCP_AUDIT_LOG: file }, { MCP_AUDIT_LEVEL: 'warn' }];
    for (const env of envs) {
      expect(toolCallLines(await logOfOneLegacyCall(env))).toEqual([
        expect.objectContaining({ name: 'identity-mcp', tool: 'lookup', outcome: 'ok', durationMs: expect.any(Number) }),
      ]);
    }
  });
});
