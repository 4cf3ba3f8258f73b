import type { Client } from '@modelcontextprotocol/client';
import type { McpAppDefinition } from '@sophia/mcp-base';
import { connectInMemory } from './in-memory';

export type ListedTool = Awaited<ReturnType<Client['listTools']>>['tools'][number];

/**
 * The tools a fresh server of the real app lists to a real client under this environment (and these
 * X-MCP-* request headers; default every toolset the configuration serves, as in connectInMemory).
 */
export async function listedTools<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  env: Record<string, string>,
  headers?: Record<string, string>,
): Promise<ListedTool[]> {
  const { client, close } = await connectInMemory(app, { env, headers });
  try {
    return (await client.listTools()).tools;
  } finally {
    await close();
  }
}

/**
 * Their names, in listing order, for specs of the write policy and switches:
 * `expect(await servedTools(app, { ...env, MCP_READ_ONLY: 'true' })).not.toContain('archive_page')`.
 */
export async function servedTools<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  env: Record<string, string>,
  headers?: Record<string, string>,
): Promise<string[]> {
  return (await listedTools(app, env, headers)).map((tool) => tool.name);
}
