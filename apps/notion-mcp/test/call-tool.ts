import { connectInMemory } from '@sophia/mcp-testing';
import { notionApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export async function callTool(name: string, args: Record<string, unknown> = {}, env: Record<string, string> = configuredEnv) {
  const { client, close } = await connectInMemory(notionApp, { env });
  const result = await client.callTool({ name, arguments: args });
  await close();
  return result;
}
