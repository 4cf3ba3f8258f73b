import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startMcpServer, type RunningMcpServer } from '../src';
import { ALL_TOOLS, narrowingApp } from './narrowing-app';

/**
 * Per-request narrowing over real HTTP: the X-MCP-* headers select among what the server's
 * configuration serves, for tools/list and tools/call alike, and never add to it.
 */
async function start(env: Record<string, string>): Promise<RunningMcpServer> {
  return startMcpServer(narrowingApp, {
    env: { ECHO_TOKEN: 'x', ECHO_CI: 'on', LOG_LEVEL: 'silent', MCP_PORT: '0', ...env },
    handleSignals: false,
    defaultMetrics: false,
  });
}

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** tools/list as one client with these headers sees it. */
async function listed(server: RunningMcpServer, headers: Record<string, string> = {}): Promise<string[]> {
  const client = await connect(server.url, headers);
  try {
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

/** What tools/call answers, as text: a result's content, or the error the client throws. */
async function called(server: RunningMcpServer, headers: Record<string, string>, name: string, args: Record<string, unknown> = {}) {
  const client = await connect(server.url, headers);
  try {
    const result = await client.callTool({ name, arguments: args });
    return { isError: result.isError === true, text: JSON.stringify(result.content) };
  } catch (error) {
    return { isError: true, text: (error as Error).message };
  } finally {
    await client.close();
  }
}

/** A legacy (2025) client's tools/list, as one raw JSON-RPC POST. */
async function listedByLegacyClient(server: RunningMcpServer, headers: Record<string, string>): Promise<string[]> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
  });
  const text = await response.text();
  const json = text.startsWith('{') ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? '');
  return (JSON.parse(json) as { result: { tools: Array<{ name: string }> } }).result.tools.map((tool) => tool.name);
}

describe('narrowing headers on a server that serves everything (no MCP_TOOLSETS)', () => {
  let server: RunningMcpServer;
  beforeAll(async () => {
    server = await start({ MCP_ALLOW_DESTRUCTIVE: 'true' });
  });
  afterAll(() => server.close());

  it('serves a client that chooses nothing the manifest default toolsets, and counts every served tool as ready', async () => {
    expect(await listed(server)).toEqual(['echo', 'list_notes', 'delete_note']);
    expect(server.runtime.readiness().tools).toBe(ALL_TOOLS.length);
  });

  it('narrows tools/list by toolset, tool, exclusion and read-only, for both client generations', async () => {
    expect(await listed(server, { 'X-MCP-Toolsets': 'ci' })).toEqual(['ci_logs']);
    expect(await listed(server, { 'X-MCP-Toolsets': 'all' })).toEqual(ALL_TOOLS);
    expect(await listed(server, { 'X-MCP-Toolsets': 'default,ci' })).toEqual(['echo', 'list_notes', 'delete_note', 'ci_logs']);
    expect(await listed(server, { 'X-MCP-Toolsets': 'notes', 'X-MCP-Tools': 'echo' })).toEqual(['echo', 'list_notes', 'delete_note']);
    expect(await listed(server, { 'X-MCP-Tools': 'ci_logs' })).toEqual(['ci_logs']);
    expect(await listed(server, { 'X-MCP-Exclude-Tools': 'delete_note, echo_write' })).toEqual(['echo', 'list_notes']);
    expect(await listed(server, { 'X-MCP-Readonly': 'true' })).toEqual(['echo', 'list_notes']);
    expect(await listed(server, { 'X-MCP-Readonly': 'false' })).toEqual(['echo', 'list_notes', 'delete_note']);
    expect(await listedByLegacyClient(server, { 'X-MCP-Toolsets': 'notes', 'X-MCP-Readonly': '1' })).toEqual(['list_notes']);
  });

  it('refuses tools/call of a tool narrowed away exactly like an unknown tool, and serves the ones left', async () => {
    const unknown = await called(server, {}, 'no_such_tool');
    expect(unknown.isError).toBe(true);
    for (const [headers, name] of [
      [{ 'X-MCP-Toolsets': 'ci' }, 'echo'],
      [{ 'X-MCP-Readonly': 'true' }, 'echo_write'],
      [{ 'X-MCP-Exclude-Tools': 'delete_note' }, 'delete_note'],
      [{}, 'echo_write'], // outside the default toolsets
    ] as const) {
      const refused = await called(server, headers, name, name === 'delete_note' ? { id: 'n1' } : { message: 'hi' });
      expect({ name, ...refused }).toEqual({ name, isError: true, text: unknown.text.replace('no_such_tool', name) });
    }
    expect(await called(server, { 'X-MCP-Toolsets': 'ci' }, 'ci_logs')).toEqual({ isError: false, text: expect.stringContaining('ok') });
    expect(await called(server, { 'X-MCP-Readonly': 'yes' }, 'echo', { message: 'hi' })).toEqual({
      isError: false,
      text: expect.stringContaining('hi'),
    });
  });

  it('refuses a header naming a tool or toolset the app does not have, or a bad boolean, with 400 naming the known ones', async () => {
    for (const [headers, message] of [
      [{ 'X-MCP-Toolsets': 'nots' }, 'X-MCP-Toolsets names unknown toolsets: nots. Known: basics, writes, notes, ci'],
      [{ 'X-MCP-Tools': 'ech' }, 'X-MCP-Tools names unknown tools: ech. Known: echo, echo_write, list_notes, delete_note, ci_logs'],
      [{ 'X-MCP-Exclude-Tools': 'echo,nope' }, 'X-MCP-Exclude-Tools names unknown tools: nope.'],
      [{ 'X-MCP-Readonly': 'maybe' }, 'X-MCP-Readonly: expected true/false, got "maybe"'],
    ] as const) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} }),
      });
      const body = (await response.json()) as { id: unknown; error: { message: string } };
      expect([response.status, body.id, body.error.message]).toEqual([400, 7, expect.stringContaining(message)]);
      // A client shows the reason (here the SDK's 2025-era client, as Cursor connects; it shows the body as JSON, quotes escaped).
      const legacy = new Client({ name: 't', version: '1' }, { versionNegotiation: { mode: 'legacy' } });
      const connecting = legacy.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers } }));
      await expect(connecting).rejects.toThrow(JSON.stringify(message).slice(1, -1));
    }
  });
});

describe('narrowing headers never widen what the server configuration serves', () => {
  it('adds nothing outside MCP_TOOLSETS, nothing excluded by MCP_EXCLUDE_TOOLS, and no write on a read-only server', async () => {
    const server = await start({ MCP_TOOLSETS: 'basics,notes', MCP_EXCLUDE_TOOLS: 'list_notes', MCP_READ_ONLY: 'true' });
    try {
      expect(await listed(server)).toEqual(['echo']);
      const widening: Array<Record<string, string>> = [
        { 'X-MCP-Toolsets': 'all' },
        { 'X-MCP-Toolsets': 'ci,writes,notes,basics' },
        { 'X-MCP-Toolsets': 'default' },
        { 'X-MCP-Tools': 'ci_logs,echo_write,list_notes,delete_note,echo' },
        { 'X-MCP-Readonly': 'false' },
        { 'X-MCP-Exclude-Tools': '' },
        { 'X-MCP-Toolsets': 'all', 'X-MCP-Tools': 'list_notes', 'X-MCP-Readonly': 'false', 'X-MCP-Exclude-Tools': '' },
      ];
      for (const headers of widening) {
        expect({ headers, tools: await listed(server, headers) }).toEqual({ headers, tools: ['echo'] });
        for (const name of ['echo_write', 'list_notes', 'ci_logs']) {
          expect({ headers, name, refused: (await called(server, headers, name, { message: 'x' })).isError }).toEqual({
            headers,
            name,
            refused: true,
          });
        }
      }
      // A name the app has but this configuration does not serve is no typo: it narrows to nothing, without a 400.
      expect(await listed(server, { 'X-MCP-Toolsets': 'ci' })).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('keeps destructive tools hidden when the write policy does not serve them', async () => {
    const server = await start({});
    try {
      expect(await listed(server, { 'X-MCP-Tools': 'delete_note', 'X-MCP-Readonly': 'false' })).toEqual([]);
      expect((await called(server, { 'X-MCP-Toolsets': 'notes' }, 'delete_note', { id: 'n1' })).isError).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('default toolsets', () => {
  it('do not apply when the operator chose with MCP_TOOLSETS or MCP_TOOLS; MCP_TOOLSETS=all restores everything', async () => {
    for (const [env, tools] of [
      [{ MCP_TOOLSETS: 'all' }, ['echo', 'echo_write', 'list_notes', 'ci_logs']],
      [{ MCP_TOOLSETS: 'ci' }, ['ci_logs']],
      [{ MCP_TOOLS: 'ci_logs' }, ['ci_logs']],
      [{ MCP_TOOLSETS: 'default' }, ['echo', 'list_notes']],
      [{ MCP_EXCLUDE_TOOLS: 'echo' }, ['list_notes']],
    ] as const) {
      const server = await start(env);
      try {
        expect({ env, tools: await listed(server) }).toEqual({ env, tools });
      } finally {
        await server.close();
      }
    }
  });
});
