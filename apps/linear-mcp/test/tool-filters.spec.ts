import { connectInMemory } from '@sophia/mcp-testing';
import { linearApp } from '../src/app';
import { linearTools } from '../src/tools';
import { configuredEnv } from './fake-upstream';

const writeTools = ['save_comment', 'save_issue'];

async function listedTools(env: Record<string, string>) {
  const { client, close } = await connectInMemory(linearApp, { env: { ...configuredEnv, ...env } });
  const { tools } = await client.listTools();
  await close();
  return tools;
}

describe('tool filters', () => {
  it('marks exactly the two save tools as writes, none destructive; every read is open-world', async () => {
    const tools = await listedTools({});
    const writes = tools.filter((tool) => !tool.annotations?.readOnlyHint);
    expect(writes.map((tool) => tool.name).sort()).toEqual(writeTools);
    for (const tool of writes) expect(tool.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    for (const tool of tools.filter((tool) => tool.annotations?.readOnlyHint)) expect(tool.annotations?.openWorldHint).toBe(true);
  });

  it('MCP_READ_ONLY hides save_issue and save_comment and keeps every read', async () => {
    const names = (await listedTools({ MCP_READ_ONLY: 'true' })).map((tool) => tool.name);
    for (const name of writeTools) expect(names).not.toContain(name);
    expect(names).toHaveLength(linearTools.length - writeTools.length);
  });

  it('MCP_TOOLSETS narrows to whole toolsets', async () => {
    const names = (await listedTools({ MCP_TOOLSETS: 'comments,teams' })).map((tool) => tool.name);
    expect(names).toEqual(['list_teams', 'list_comments', 'save_comment']);
  });
});
