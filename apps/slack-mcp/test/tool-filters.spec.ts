import { connectInMemory } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';
import { slackTools } from '../src/tools';
import { configuredEnv } from './fake-upstream';

const writeTools = ['add_reaction', 'post_message', 'schedule_message'];

async function listedTools(env: Record<string, string>) {
  const { client, close } = await connectInMemory(slackApp, { env: { ...configuredEnv, ...env } });
  const { tools } = await client.listTools();
  await close();
  return tools;
}

describe('tool filters', () => {
  it('marks exactly the three write tools as not read-only, none destructive; reads are open-world', async () => {
    const tools = await listedTools({});
    const writes = tools.filter((tool) => !tool.annotations?.readOnlyHint);
    expect(writes.map((tool) => tool.name).sort()).toEqual(writeTools);
    for (const tool of writes) expect(tool.annotations?.destructiveHint).toBe(false);
    for (const tool of tools.filter((tool) => tool.annotations?.readOnlyHint)) {
      expect(tool.annotations?.openWorldHint).toBe(true);
    }
  });

  it('MCP_READ_ONLY hides post_message, schedule_message and add_reaction and keeps every read', async () => {
    const names = (await listedTools({ MCP_READ_ONLY: 'true' })).map((tool) => tool.name);
    for (const name of writeTools) expect(names).not.toContain(name);
    expect(names).toHaveLength(slackTools.length - writeTools.length);
  });

  it('MCP_TOOLSETS=chat serves only the writes; leaving chat out serves only reads', async () => {
    expect((await listedTools({ MCP_TOOLSETS: 'chat' })).map((tool) => tool.name)).toEqual([
      'post_message',
      'schedule_message',
      'add_reaction',
    ]);
    const reads = (await listedTools({ MCP_TOOLSETS: 'channels,search,users' })).map((tool) => tool.name);
    expect(reads).toEqual(['list_channels', 'read_channel', 'read_thread', 'search_messages', 'get_user', 'list_users']);
  });
});
