import { connectInMemory } from '@sophia/mcp-testing';
import { notionApp } from '../src/app';
import { notionTools } from '../src/tools';
import { configuredEnv } from './fake-upstream';

const writeTools = ['append_blocks', 'create_comment', 'create_page', 'update_page'];

async function listedTools(env: Record<string, string>) {
  const { client, close } = await connectInMemory(notionApp, { env: { ...configuredEnv, ...env } });
  const { tools } = await client.listTools();
  await close();
  return tools;
}

describe('tool filters', () => {
  it('marks exactly the four write tools as not read-only, none destructive; reads are open-world', async () => {
    const tools = await listedTools({});
    const writes = tools.filter((tool) => !tool.annotations?.readOnlyHint);
    expect(writes.map((tool) => tool.name).sort()).toEqual(writeTools);
    for (const tool of writes) expect(tool.annotations?.destructiveHint).toBe(false);
    for (const tool of tools.filter((tool) => tool.annotations?.readOnlyHint)) {
      expect(tool.annotations?.openWorldHint).toBe(true);
    }
  });

  it('MCP_READ_ONLY hides every write tool and keeps every read', async () => {
    const names = (await listedTools({ MCP_READ_ONLY: 'true' })).map((tool) => tool.name);
    expect(names).toEqual(['search', 'fetch_page', 'get_data_source', 'query_data_source']);
    expect(names).toHaveLength(notionTools.length - writeTools.length);
  });

  it('MCP_TOOLSETS narrows to whole toolsets', async () => {
    const names = (await listedTools({ MCP_TOOLSETS: 'data_sources,comments' })).map((tool) => tool.name);
    expect(names).toEqual(['get_data_source', 'query_data_source', 'create_comment']);
  });
});
