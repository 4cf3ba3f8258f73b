import type { Tree } from '@nx/devkit';
import mcpServerGenerator from '../src/generators/mcp-server/generator';
import mcpToolGenerator from '../src/generators/mcp-tool/generator';
import type { McpToolOptions } from '../src/generators/mcp-tool/schema';
import { addApp, emptyWorkspace, read, workspaceApps } from './generator-fixtures';

const jira = (options: Partial<McpToolOptions> & { name: string }) =>
  ({ project: 'jira-mcp', toolset: 'issues', readOnly: true, ...options }) as McpToolOptions;

describe('mcp-tool generator', () => {
  let tree: Tree;
  beforeEach(async () => {
    tree = emptyWorkspace();
    await mcpServerGenerator(tree, { name: 'jira' });
  });

  it('names the file from the tool name as the fleet does (noun first) and lists the tool', async () => {
    const callback = await mcpToolGenerator(tree, jira({ name: 'get_issue' }));
    expect(typeof callback).toBe('function');
    expect(tree.exists('apps/jira-mcp/src/tools/issue-get.tool.ts')).toBe(true);
    expect(tree.exists('apps/jira-mcp/test/issue-get.spec.ts')).toBe(true);
    const index = read(tree, 'apps/jira-mcp/src/tools/index.ts');
    expect(index).toContain("import { getIssue } from './issue-get.tool';\nimport { getItem } from './item-get.tool';\n");
    expect(index).toContain('= [\n  getItem,\n  getIssue,\n];');
    await mcpToolGenerator(tree, jira({ name: 'list_project_issues' }));
    await mcpToolGenerator(tree, jira({ name: 'search' }));
    expect(tree.exists('apps/jira-mcp/src/tools/project-issues-list.tool.ts')).toBe(true);
    expect(tree.exists('apps/jira-mcp/src/tools/search.tool.ts')).toBe(true);
    expect(read(tree, 'apps/jira-mcp/src/tools/search.tool.ts')).toContain('export const search = defineJiraTool({');
  });

  it("renders the app's own scaffold: a read tool of a new server calls its UpstreamClient", async () => {
    await mcpToolGenerator(tree, jira({ name: 'get_issue' }));
    const tool = read(tree, 'apps/jira-mcp/src/tools/issue-get.tool.ts');
    expect(tool).toContain("import { defineJiraTool } from '../context';");
    expect(tool).toContain('export const getIssue = defineJiraTool({');
    expect(tool).toContain("name: 'get_issue',\n  toolset: 'issues',\n  title: 'Get issue',");
    expect(tool).toContain("id: z.string().min(1).describe('Value of {id} in /issues/{id}.'),");
    expect(tool).toContain('query: z.record(z.string(), z.string()).optional()');
    expect(tool).toContain('annotations: { readOnlyHint: true, openWorldHint: true },');
    expect(tool).toContain(
      "handler: async ({ id, query }, ctx) =>\n    ctx.api.request('get', `/issues/${encodeURIComponent(id)}`, { searchParams: query, signal: ctx.signal }),",
    );
    const spec = read(tree, 'apps/jira-mcp/test/issue-get.spec.ts');
    expect(spec).toContain("import { callTool, route } from './fake-upstream';");
    expect(spec).toContain("route('get', '/issues/id-1', () => HttpResponse.json({ id: 'id-1', name: 'Example' }))");
    expect(spec).toContain("await callTool('get_issue', { id: 'id-1', query: { limit: '5' } })");
    expect(spec).toContain(
      "expect(upstream.received.map(({ method, path, query }) => ({ method, path, query }))).toEqual([{ method: 'GET', path: '/issues/id-1', query: { limit: '5' } }]);",
    );
  });

  it('takes read-only from the flag, never from the HTTP method', async () => {
    await mcpToolGenerator(tree, jira({ name: 'search_issues', route: 'POST /search' }));
    await mcpToolGenerator(tree, jira({ name: 'update_issue', readOnly: false, route: 'PATCH /issues/{key}' }));
    await mcpToolGenerator(tree, jira({ name: 'delete_issue', readOnly: false, destructive: true, route: 'DELETE /issues/{key}' }));
    const search = read(tree, 'apps/jira-mcp/src/tools/issues-search.tool.ts');
    expect(search).toContain('annotations: { readOnlyHint: true, openWorldHint: true },');
    expect(search).toContain("ctx.api.request('post', '/search', { json: body, signal: ctx.signal })");
    const update = read(tree, 'apps/jira-mcp/src/tools/issue-update.tool.ts');
    expect(update).toContain('annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },');
    expect(update).toContain("ctx.api.request('patch', `/issues/${encodeURIComponent(key)}`, { json: body, signal: ctx.signal })");
    expect(read(tree, 'apps/jira-mcp/test/issue-update.spec.ts')).toContain(
      "[{ method: 'PATCH', path: '/issues/key-1', body: { name: 'Example' } }]",
    );
    const remove = read(tree, 'apps/jira-mcp/src/tools/issue-delete.tool.ts');
    expect(remove).toContain('annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },');
    expect(remove).toContain("handler: async ({ key }, ctx) =>\n    ctx.api.request('delete', `/issues/${encodeURIComponent(key)}`, { signal: ctx.signal }),");
    // The specs pin no tool lists: the contract reads the tools and their annotations from the app.
    expect(read(tree, 'apps/jira-mcp/test/contract.spec.ts')).not.toContain('issue');
  });

  it('uses the title and description given, one literal per sentence when long', async () => {
    await mcpToolGenerator(tree, jira({ name: 'get_project', toolset: 'projects', title: "Get a project's details", description: 'Reads one project.' }));
    const tool = read(tree, 'apps/jira-mcp/src/tools/project-get.tool.ts');
    expect(tool).toContain("title: 'Get a project\\'s details',");
    expect(tool).toContain("description:\n    'Reads one project.',");
    const long = 'Reads one issue with its fields, comments and links. Use it after search_issues; bodies are cut at 20000 characters.';
    await mcpToolGenerator(tree, jira({ name: 'get_issue', description: long }));
    expect(read(tree, 'apps/jira-mcp/src/tools/issue-get.tool.ts')).toContain(
      "description:\n    'Reads one issue with its fields, comments and links. ' +\n    'Use it after search_issues; bodies are cut at 20000 characters.',",
    );
  });

  describe("in each app of the workspace, through that app's scaffold", () => {
    it('has a scaffold in every app', () => {
      for (const app of workspaceApps()) {
        addApp(tree, app);
        expect({ app, tool: tree.exists(`apps/${app}/scaffold/tool.ts.ejs`), spec: tree.exists(`apps/${app}/scaffold/tool.spec.ts.ejs`) }).toEqual({
          app,
          tool: true,
          spec: true,
        });
      }
    });

    it('github-mcp: an Octokit route request, listed in its toolset group', async () => {
      addApp(tree, 'github-mcp');
      await mcpToolGenerator(tree, {
        project: 'github-mcp',
        toolset: 'issues',
        name: 'list_issue_events',
        readOnly: true,
        route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
      });
      const tool = read(tree, 'apps/github-mcp/src/tools/issue-events-list.tool.ts');
      expect(tool).toContain('export const listIssueEvents = defineGithubTool({');
      expect(tool).toContain('handler: async ({ query, ...params }, ctx) => {');
      expect(tool).toContain("await ctx.octokit.request<string>('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {");
      expect(tool).toContain('      ...query,\n      ...params,\n      request: { signal: ctx.signal },');
      const index = read(tree, 'apps/github-mcp/src/tools/index.ts');
      expect(index).toMatch(/\n {2}listIssueEvents,\n {2}\/\/ pull_requests/);
      expect(read(tree, 'apps/github-mcp/test/issue-events-list.spec.ts')).toContain("import { callTool, route } from './fake-upstream';");
    });

    it('slack-mcp: one Web API method on the call\'s WebClient', async () => {
      addApp(tree, 'slack-mcp');
      await mcpToolGenerator(tree, { project: 'slack-mcp', toolset: 'channels', name: 'get_channel_info', readOnly: true, route: 'conversations.info' });
      await mcpToolGenerator(tree, { project: 'slack-mcp', toolset: 'chat', name: 'pin_message', readOnly: false, route: 'pins.add' });
      const read1 = read(tree, 'apps/slack-mcp/src/tools/channel-info-get.tool.ts');
      expect(read1).toContain("const { client } = ctx.slack();\n    return client.apiCall('conversations.info', params ?? {});");
      expect(read1).toContain('annotations: { readOnlyHint: true, openWorldHint: true },');
      const write = read(tree, 'apps/slack-mcp/src/tools/message-pin.tool.ts');
      expect(write).toContain('annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },');
      expect(write).toContain("return client.apiCall('pins.add', params ?? {});");
      expect(read(tree, 'apps/slack-mcp/test/message-pin.spec.ts')).toContain("method('pins.add', () => slackOk(");
      await expect(
        mcpToolGenerator(tree, { project: 'slack-mcp', toolset: 'chat', name: 'get_x', readOnly: true, route: 'GET /x' }),
      ).rejects.toThrow('--route "GET /x" must be an API method name such as conversations.info');
    });

    it('notion-mcp: the SDK client, a read-only POST included', async () => {
      addApp(tree, 'notion-mcp');
      await mcpToolGenerator(tree, { project: 'notion-mcp', toolset: 'search', name: 'search_users', readOnly: true, route: 'POST /users/search' });
      const tool = read(tree, 'apps/notion-mcp/src/tools/users-search.tool.ts');
      expect(tool).toContain('annotations: { readOnlyHint: true, openWorldHint: true },');
      expect(tool).toContain("ctx.notion.request<Record<string, unknown>>({\n      path: 'users/search',\n      method: 'post',\n      body,");
    });

    it('linear-mcp: a GraphQL query for a read, a mutation for a write; it takes no --route', async () => {
      addApp(tree, 'linear-mcp');
      await mcpToolGenerator(tree, { project: 'linear-mcp', toolset: 'users', name: 'get_viewer', readOnly: true });
      await mcpToolGenerator(tree, { project: 'linear-mcp', toolset: 'issues', name: 'archive_issue', readOnly: false });
      expect(read(tree, 'apps/linear-mcp/src/tools/viewer-get.tool.ts')).toContain('ctx.linear.query<Record<string, unknown>>(GET_VIEWER, {})');
      expect(read(tree, 'apps/linear-mcp/src/tools/issue-archive.tool.ts')).toContain('mutation ArchiveIssue($id: String!)');
      expect(read(tree, 'apps/linear-mcp/test/viewer-get.spec.ts')).toContain("fakeLinear({ GetViewer: () => linearData(answer) })");
      await expect(mcpToolGenerator(tree, { project: 'linear-mcp', toolset: 'users', name: 'get_x', readOnly: true, route: 'GET /x' })).rejects.toThrow(
        '--route: apps/linear-mcp/scaffold takes no route',
      );
    });

    it('postgres-mcp: SQL on its database, listed in its toolset group', async () => {
      addApp(tree, 'postgres-mcp');
      await mcpToolGenerator(tree, { project: 'postgres-mcp', toolset: 'health', name: 'get_database', readOnly: true });
      expect(read(tree, 'apps/postgres-mcp/src/tools/database-get.tool.ts')).toContain("await ctx.db.run('SELECT current_database() AS database', [], {");
      expect(read(tree, 'apps/postgres-mcp/src/tools/database-get.tool.ts')).toContain('openWorldHint: false');
      expect(read(tree, 'apps/postgres-mcp/src/tools/index.ts')).toMatch(/\n {2}dbHealth,\n {2}getDatabase,\n\];/);
    });

    it('asana-mcp, snowflake-mcp and ai-memory-mcp: AsanaApi, a SQL statement, the memory store', async () => {
      for (const app of ['asana-mcp', 'snowflake-mcp', 'ai-memory-mcp']) addApp(tree, app);
      await mcpToolGenerator(tree, { project: 'asana-mcp', toolset: 'tags', name: 'get_tag', readOnly: true });
      await mcpToolGenerator(tree, { project: 'snowflake-mcp', toolset: 'warehouses', name: 'list_warehouses', readOnly: true });
      await mcpToolGenerator(tree, { project: 'ai-memory-mcp', toolset: 'memories', name: 'list_recent_memories', readOnly: true });
      expect(read(tree, 'apps/asana-mcp/src/tools/tag-get.tool.ts')).toContain('ctx.api.get<unknown>(`tags/${encodeURIComponent(gid)}`, { query, signal: ctx.signal })');
      expect(read(tree, 'apps/snowflake-mcp/src/tools/warehouses-list.tool.ts')).toContain("ctx.snowflake.records('SHOW WAREHOUSES', ctx.signal)");
      expect(read(tree, 'apps/ai-memory-mcp/src/tools/recent-memories-list.tool.ts')).toContain('ctx.store.list(scopeOf(input), {}, { limit: 10 })');
    });
  });

  describe('refuses, with a clear message,', () => {
    it('a name that is not snake_case, and a missing read-only flag', async () => {
      await expect(mcpToolGenerator(tree, jira({ name: 'getIssue' }))).rejects.toThrow('--name "getIssue" must be snake_case');
      await expect(mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'get_issue' } as McpToolOptions)).rejects.toThrow(
        '--read-only, or --no-read-only',
      );
      await expect(mcpToolGenerator(tree, jira({ name: 'get_issue', destructive: true }))).rejects.toThrow('--destructive goes with --no-read-only');
    });

    it('an unknown project, listing the servers', async () => {
      await expect(mcpToolGenerator(tree, jira({ project: 'jora-mcp', name: 'get_issue' }))).rejects.toThrow(
        'Unknown project "jora-mcp": there is no apps/jora-mcp/mcp-server.json. MCP servers: jira-mcp',
      );
    });

    it('an app without a scaffold, naming the file and where the mechanism is documented', async () => {
      tree.delete('apps/jira-mcp/scaffold/tool.ts.ejs');
      await expect(mcpToolGenerator(tree, jira({ name: 'get_issue' }))).rejects.toThrow(
        'apps/jira-mcp/scaffold/tool.ts.ejs is missing: each server declares how its tools look in scaffold/',
      );
    });

    it('a tool name the app already has, and a tool file that already exists', async () => {
      addApp(tree, 'github-mcp');
      const github = (name: string) => ({ project: 'github-mcp', toolset: 'issues', name, readOnly: true });
      await expect(mcpToolGenerator(tree, github('get_issue'))).rejects.toThrow('github-mcp already has a tool named get_issue');
      tree.write('apps/github-mcp/src/tools/issue-lock.tool.ts', '// taken\n');
      await expect(mcpToolGenerator(tree, github('lock_issue'))).rejects.toThrow('apps/github-mcp/src/tools/issue-lock.tool.ts already exists');
    });

    it('a route it cannot perform', async () => {
      const tool = (route: string) => mcpToolGenerator(tree, jira({ name: 'get_x', route }));
      await expect(tool('FETCH /issues')).rejects.toThrow('must look like "GET /widgets/{id}"');
      await expect(tool('GET /issues/{issue-key}')).rejects.toThrow('{issue-key} must be an identifier');
      await expect(tool('POST /issues/{body}')).rejects.toThrow('{body} clashes with a generated input');
    });
  });
});
