import type { Tree } from '@nx/devkit';
import mcpServerGenerator from '../src/generators/mcp-server/generator';
import mcpToolGenerator from '../src/generators/mcp-tool/generator';
import { addGithubApp, emptyWorkspace, read } from './generator-fixtures';

describe('mcp-tool generator', () => {
  let tree: Tree;
  beforeEach(async () => {
    tree = emptyWorkspace();
    await mcpServerGenerator(tree, { name: 'jira' });
  });

  it('adds the tool file, its spec and its entries in the tool list and the contract', async () => {
    const callback = await mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'issue_get' });
    expect(typeof callback).toBe('function');
    expect(tree.exists('apps/jira-mcp/src/tools/issue-get.tool.ts')).toBe(true);
    expect(tree.exists('apps/jira-mcp/test/issue-get.spec.ts')).toBe(true);
    const index = read(tree, 'apps/jira-mcp/src/tools/index.ts');
    expect(index).toContain("import { issueGet } from './issue-get.tool';\nimport { itemGet } from './item-get.tool';\n");
    expect(index).toContain('= [\n  itemGet,\n  issueGet,\n];');
    expect(read(tree, 'apps/jira-mcp/test/contract.spec.ts')).toContain("expectedTools: [\n    'item_get',\n    'issue_get',\n  ],");
  });

  it('defaults to a real GET /<toolset>/{id} with a query input, read-only', async () => {
    await mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'issue_get' });
    const tool = read(tree, 'apps/jira-mcp/src/tools/issue-get.tool.ts');
    expect(tool).toContain("import { defineJiraTool } from '../context';");
    expect(tool).toContain('export const issueGet = defineJiraTool({');
    expect(tool).toContain("name: 'issue_get',\n  toolset: 'issues',\n  title: 'Issue get',");
    expect(tool).toContain("id: z.string().min(1).describe('Value of {id} in /issues/{id}.'),");
    expect(tool).toContain('query: z.record(z.string(), z.string()).optional()');
    expect(tool).toContain('annotations: { readOnlyHint: true, openWorldHint: true },');
    expect(tool).toContain(
      "handler: async ({ id, query }, ctx) =>\n    ctx.api.request('get', `/issues/${encodeURIComponent(id)}`, { searchParams: query, signal: ctx.signal }),",
    );
    const spec = read(tree, 'apps/jira-mcp/test/issue-get.spec.ts');
    expect(spec).toContain("import { API_URL, configuredEnv } from './fake-upstream';");
    expect(spec).toContain('http.get(`${API_URL}/issues/:id`');
    expect(spec).toContain("arguments: { id: 'id-1', query: { limit: '5' } }");
    expect(spec).toContain("expect(received).toEqual([{ method: 'GET', path: '/issues/id-1', query: { limit: '5' } }]);");
  });

  it('gives writes a body input, and marks only DELETE destructive', async () => {
    await mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'issue_update', route: 'PATCH /issues/{key}' });
    await mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'issue_delete', route: 'delete /issues/{key}' });
    const update = read(tree, 'apps/jira-mcp/src/tools/issue-update.tool.ts');
    expect(update).toContain('body: z.record(z.string(), z.unknown()).optional()');
    expect(update).toContain('annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },');
    expect(update).toContain("ctx.api.request('patch', `/issues/${encodeURIComponent(key)}`, { json: body, signal: ctx.signal })");
    expect(read(tree, 'apps/jira-mcp/test/issue-update.spec.ts')).toContain(
      "[{ method: 'PATCH', path: '/issues/key-1', body: { name: 'Example' } }]",
    );
    expect(read(tree, 'apps/jira-mcp/e2e/http.e2e.ts')).toContain("writeTools: [\n    'issue_update',\n    'issue_delete',\n  ],");
    expect(read(tree, 'apps/jira-mcp/test/contract.spec.ts')).toContain("writeTools: [\n    'issue_update',\n    'issue_delete',\n  ],");
    const remove = read(tree, 'apps/jira-mcp/src/tools/issue-delete.tool.ts');
    expect(remove).toContain('annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },');
    expect(remove).toContain("handler: async ({ key }, ctx) =>\n    ctx.api.request('delete', `/issues/${encodeURIComponent(key)}`, { signal: ctx.signal }),");
  });

  it('uses the title and description given', async () => {
    await mcpToolGenerator(tree, {
      project: 'jira-mcp',
      toolset: 'projects',
      name: 'project_get',
      title: "Get a project's details",
      description: 'Reads one project.',
    });
    const tool = read(tree, 'apps/jira-mcp/src/tools/project-get.tool.ts');
    expect(tool).toContain("title: 'Get a project\\'s details',");
    expect(tool).toContain("description:\n    'Reads one project.',");
  });

  it('splits a long description into one literal per sentence', async () => {
    await mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'issue_get' });
    expect(read(tree, 'apps/jira-mcp/src/tools/issue-get.tool.ts')).toContain(
      "description:\n    'Calls GET /issues/{id} on the Jira API and returns its JSON answer unchanged. ' +\n    'Generated by mcp-tool:",
    );
  });

  describe('in an Octokit app (github-mcp)', () => {
    beforeEach(() => addGithubApp(tree));

    it('calls ctx.octokit.request with the route and puts the entry in its toolset group', async () => {
      await mcpToolGenerator(tree, {
        project: 'github-mcp',
        toolset: 'issues',
        name: 'issue_events_list',
        route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
      });
      const tool = read(tree, 'apps/github-mcp/src/tools/issue-events-list.tool.ts');
      expect(tool).toContain('export const issueEventsList = defineGithubTool({');
      expect(tool).toContain('handler: async ({ query, ...params }, ctx) => {');
      expect(tool).toContain("await ctx.octokit.request<string>('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {");
      expect(tool).toContain('      ...query,\n      ...params,\n      request: { signal: ctx.signal },');
      const index = read(tree, 'apps/github-mcp/src/tools/index.ts');
      expect(index).toContain('  addIssueComment,\n  issueEventsList,\n  // pull_requests');
      expect(index).toContain(
        "import { issueEventsList } from './issue-events-list.tool';\nimport { getIssue } from './issue-get.tool';",
      );
      expect(read(tree, 'apps/github-mcp/test/contract.spec.ts')).toContain("    'search_code',\n    'issue_events_list',\n  ],");
      // A read-only tool does not join the e2e spec's write tools.
      expect(read(tree, 'apps/github-mcp/e2e/http.e2e.ts')).toContain(
        "writeTools: ['create_issue', 'add_issue_comment', 'create_pull_request'],",
      );
      expect(read(tree, 'apps/github-mcp/test/issue-events-list.spec.ts')).toContain(
        "import { githubApp } from '../src/app';",
      );
    });

    it('opens a new group for a new toolset', async () => {
      await mcpToolGenerator(tree, { project: 'github-mcp', toolset: 'gists', name: 'gist_get', route: 'GET /gists/{gist_id}' });
      expect(read(tree, 'apps/github-mcp/src/tools/index.ts')).toContain('  searchCode,\n  // gists\n  gistGet,\n];');
    });

    it('adds a write tool to the e2e spec\'s one-line writeTools list', async () => {
      await mcpToolGenerator(tree, {
        project: 'github-mcp',
        toolset: 'issues',
        name: 'issue_lock',
        route: 'PUT /repos/{owner}/{repo}/issues/{issue_number}/lock',
      });
      expect(read(tree, 'apps/github-mcp/e2e/http.e2e.ts')).toContain(
        "writeTools: ['create_issue', 'add_issue_comment', 'create_pull_request', 'issue_lock'],",
      );
      expect(read(tree, 'apps/github-mcp/src/tools/issue-lock.tool.ts')).toContain(
        'handler: async ({ body, ...params }, ctx) => {',
      );
    });
  });

  describe('refuses, with a clear message,', () => {
    it('a name that is not snake_case', async () => {
      await expect(mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'issueGet' })).rejects.toThrow(
        '--name "issueGet" must be snake_case',
      );
    });

    it('an unknown project, listing the servers', async () => {
      await expect(mcpToolGenerator(tree, { project: 'jora-mcp', toolset: 'issues', name: 'issue_get' })).rejects.toThrow(
        'Unknown project "jora-mcp": there is no apps/jora-mcp/mcp-server.json. MCP servers: jira-mcp',
      );
    });

    it('a tool name the app already has, and a tool file that already exists', async () => {
      addGithubApp(tree);
      await expect(mcpToolGenerator(tree, { project: 'github-mcp', toolset: 'issues', name: 'get_issue' })).rejects.toThrow(
        'github-mcp already has a tool named get_issue',
      );
      await expect(mcpToolGenerator(tree, { project: 'github-mcp', toolset: 'issues', name: 'issue_get' })).rejects.toThrow(
        'apps/github-mcp/src/tools/issue-get.tool.ts already exists',
      );
    });

    it('a route it cannot perform', async () => {
      const tool = (route: string) => mcpToolGenerator(tree, { project: 'jira-mcp', toolset: 'issues', name: 'x_get', route });
      await expect(tool('FETCH /issues')).rejects.toThrow('must look like "GET /widgets/{id}"');
      await expect(tool('GET /issues/{issue-key}')).rejects.toThrow('{issue-key} must be an identifier');
      await expect(tool('POST /issues/{body}')).rejects.toThrow('{body} clashes with a generated input');
    });
  });
});
