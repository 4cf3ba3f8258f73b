import { connectInMemory } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { githubTools } from '../src/tools';
import { configuredEnv } from './fake-upstream';

const writeTools = ['add_issue_comment', 'create_issue', 'create_pull_request'];

async function listedTools(env: Record<string, string>) {
  const { client, close } = await connectInMemory(githubApp, { env: { ...configuredEnv, ...env } });
  const { tools } = await client.listTools();
  await close();
  return tools;
}

describe('tool filters', () => {
  it('marks exactly the three write tools as not read-only, none destructive', async () => {
    const tools = await listedTools({});
    const writes = tools.filter((tool) => !tool.annotations?.readOnlyHint);
    expect(writes.map((tool) => tool.name).sort()).toEqual(writeTools);
    for (const tool of writes) {
      expect(tool.annotations).toMatchObject({ destructiveHint: false, idempotentHint: false });
    }
    for (const tool of tools.filter((tool) => tool.annotations?.readOnlyHint)) {
      expect(tool.annotations?.openWorldHint).toBe(true);
    }
  });

  it('MCP_READ_ONLY hides create_issue, add_issue_comment and create_pull_request and keeps every read', async () => {
    const names = (await listedTools({ MCP_READ_ONLY: 'true' })).map((tool) => tool.name);
    for (const name of writeTools) expect(names).not.toContain(name);
    expect(names).toHaveLength(githubTools.length - writeTools.length);
  });

  it('MCP_TOOLSETS narrows to whole toolsets', async () => {
    const names = (await listedTools({ MCP_TOOLSETS: 'pull_requests,context' })).map((tool) => tool.name);
    expect(names).toEqual(['get_me', 'list_pull_requests', 'get_pull_request', 'create_pull_request']);
  });
});
