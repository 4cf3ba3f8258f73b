import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { createRuntime, type McpAppDefinition, type McpRuntime, type RuntimeOptions } from '@sophia/mcp-base';

export interface InMemoryOptions {
  /** The server's whole environment: nothing is read from process.env. */
  env?: Record<string, string | undefined>;
  /** Where the server's JSON log lines go, for specs about what is logged (default stdout). */
  logDestination?: RuntimeOptions['logDestination'];
  /**
   * The HTTP request headers the server sees (its X-MCP-* narrowing). Default `X-MCP-Toolsets: all`:
   * behaviour specs reach every tool the configuration serves, past the manifest's default toolsets.
   * `{}` is a client that chooses nothing.
   */
  headers?: Record<string, string>;
}

export interface InMemoryConnection {
  client: Client;
  runtime: McpRuntime;
  close: () => Promise<void>;
}

/**
 * A real MCP client connected to the app's real server (registry, filters, wrapped
 * handlers) over an in-memory transport: the fast path for behaviour tests.
 */
export async function connectInMemory<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  options: InMemoryOptions = {},
): Promise<InMemoryConnection> {
  const runtime = await createRuntime(app, {
    env: { LOG_LEVEL: 'silent', ...options.env },
    logDestination: options.logDestination,
    defaultMetrics: false,
  });
  const headers = options.headers ?? { 'X-MCP-Toolsets': 'all' };
  const server = await runtime.serverFactory({ era: 'legacy', requestInfo: new Request('http://in-memory.invalid/mcp', { headers }) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'mcp-testing', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    runtime,
    close: async () => {
      await client.close();
      await server.close();
      await runtime.dispose(); // closes what the app context opened (pools, PGlite)
    },
  };
}
