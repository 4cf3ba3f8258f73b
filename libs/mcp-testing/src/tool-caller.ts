import type { McpAppDefinition } from '@sophia/mcp-base';
import { connectInMemory } from './in-memory';

/**
 * A one-line tool call for behaviour specs: each call runs on a fresh server of the real app
 * through a real MCP client. `const callTool = toolCaller(slackApp, configuredEnv);`
 * then `await callTool('list_users', { limit: 2 })` (an env per call overrides the default).
 */
export function toolCaller<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  defaultEnv: Record<string, string>,
) {
  return async (name: string, args: Record<string, unknown> = {}, env: Record<string, string> = defaultEnv) => {
    const { client, close } = await connectInMemory(app, { env });
    try {
      return await client.callTool({ name, arguments: args });
    } finally {
      await close();
    }
  };
}
