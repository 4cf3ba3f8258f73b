import { connectInMemory } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { githubEnv } from './fake-github';

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export async function callTool(name: string, args: Record<string, unknown> = {}, env: Record<string, string> = githubEnv) {
  const { client, close } = await connectInMemory(githubApp, { env });
  const result = await client.callTool({ name, arguments: args });
  await close();
  return result;
}
