import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { McpHttpHandler } from '@modelcontextprotocol/server';
import { createRuntime, type McpRuntime } from '../src';
import { noteCalledTool } from '../src/server/called-tool';
import { narrowingApp } from './narrowing-app';

/**
 * The per-request server a tools/call gets registers only the tool it names; every other request
 * (and a call of a tool not served, which must stay unknown) gets all the tools its headers select.
 * Seen the way the SDK's handler sees it: the factory is asked with the request it was handed.
 */
describe('per-request registration follows the called tool', () => {
  let runtime: McpRuntime;
  beforeAll(async () => {
    runtime = await createRuntime(narrowingApp, {
      env: { ECHO_TOKEN: 'x', ECHO_CI: 'on', LOG_LEVEL: 'silent', MCP_ALLOW_DESTRUCTIVE: 'true' },
      defaultMetrics: false,
    });
  });
  afterAll(() => runtime.dispose());

  /** The tools the server built for this POST registers, as a client listing them sees. */
  async function registeredFor(body: unknown, headers: Record<string, string> = {}): Promise<string[]> {
    const sdkLike: McpHttpHandler = {
      fetch: async (request: Request) => {
        const server = await runtime.serverFactory({ era: 'legacy', requestInfo: request });
        const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
        await server.connect(serverSide);
        const client = new Client({ name: 't', version: '1' });
        await client.connect(clientSide);
        const names = (await client.listTools()).tools.map((tool) => tool.name);
        await client.close();
        return Response.json(names);
      },
      close: async () => undefined,
    } as unknown as McpHttpHandler;
    const request = new Request('http://127.0.0.1/mcp', { method: 'POST', headers, body: JSON.stringify(body) });
    const response = await noteCalledTool(sdkLike).fetch(request, { parsedBody: body });
    return (await response.json()) as string[];
  }

  const call = (name: unknown) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } });

  it('registers just the called tool for a tools/call of a served tool', async () => {
    expect(await registeredFor(call('list_notes'))).toEqual(['list_notes']);
    expect(await registeredFor(call('ci_logs'), { 'X-MCP-Toolsets': 'ci' })).toEqual(['ci_logs']);
  });

  it('registers every selected tool for other methods, batches, odd names and tools not served', async () => {
    const defaults = ['echo', 'list_notes', 'delete_note'];
    expect(await registeredFor({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} })).toEqual(defaults);
    expect(await registeredFor([call('echo')])).toEqual(defaults);
    expect(await registeredFor(call(42))).toEqual(defaults);
    expect(await registeredFor(call('echo_write'))).toEqual(defaults); // outside the default toolsets
    expect(await registeredFor(call('echo'), { 'X-MCP-Toolsets': 'ci' })).toEqual(['ci_logs']);
  });
});
