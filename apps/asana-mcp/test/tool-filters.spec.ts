import { connectInMemory } from '@sophia/mcp-testing';
import { asanaApp } from '../src/app';
import { asanaTools } from '../src/tools';
import { configuredEnv } from './fake-upstream';

const writeTools = ['add_comment', 'create_task', 'update_task'];

async function listedTools(env: Record<string, string>) {
  const { client, close } = await connectInMemory(asanaApp, { env: { ...configuredEnv, ...env } });
  const { tools } = await client.listTools();
  await close();
  return tools;
}

describe('tool filters', () => {
  it('marks exactly the three write tools as not read-only, none destructive, and every read open-world', async () => {
    const tools = await listedTools({});
    const writes = tools.filter((tool) => !tool.annotations?.readOnlyHint);
    expect(writes.map((tool) => tool.name).sort()).toEqual(writeTools);
    for (const tool of writes) expect(tool.annotations?.destructiveHint).toBe(false);
    for (const tool of tools.filter((tool) => tool.annotations?.readOnlyHint)) {
      expect(tool.annotations?.openWorldHint).toBe(true);
    }
  });

  it('MCP_READ_ONLY hides create_task, update_task and add_comment and keeps every read', async () => {
    const names = (await listedTools({ MCP_READ_ONLY: 'true' })).map((tool) => tool.name);
    for (const name of writeTools) expect(names).not.toContain(name);
    expect(names).toHaveLength(asanaTools.length - writeTools.length);
  });

  it('MCP_TOOLSETS narrows to whole toolsets', async () => {
    const names = (await listedTools({ MCP_TOOLSETS: 'projects,workspaces' })).map((tool) => tool.name);
    expect(names).toEqual(['list_workspaces', 'get_project', 'list_project_tasks']);
  });
});
