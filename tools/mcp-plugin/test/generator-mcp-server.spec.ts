import type { Tree } from '@nx/devkit';
import mcpServerGenerator from '../src/generators/mcp-server/generator';
import { syncAfterGenerate } from '../src/generators/shared/sync-callback';
import { addManifest, emptyWorkspace, read } from './generator-fixtures';

describe('mcp-server generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = emptyWorkspace();
  });

  it('scaffolds apps/<name>-mcp in the shape of the reference app', async () => {
    const callback = await mcpServerGenerator(tree, { name: 'jira' });
    const files = tree
      .listChanges()
      .map((change) => change.path)
      .filter((path) => path.startsWith('apps/jira-mcp/'))
      .sort();
    expect(files).toEqual(
      [
        'README.md',
        'e2e/http.e2e.ts',
        'jest.config.cjs',
        'jest.e2e.config.cjs',
        'mcp-server.json',
        'package.json',
        'scaffold/tool.spec.ts.ejs',
        'scaffold/tool.ts.ejs',
        'src/app.ts',
        'src/config.ts',
        'src/context.ts',
        'src/main.ts',
        'src/tools/index.ts',
        'src/tools/item-get.tool.ts',
        'test/__toolsnaps__/get_item.json',
        'test/contract.spec.ts',
        'test/fake-upstream.ts',
        'test/item-get.spec.ts',
        'tsconfig.json',
      ].map((file) => `apps/jira-mcp/${file}`),
    );
    expect(typeof callback).toBe('function');
  });

  it('writes the package.json with exactly the dependencies the code imports', async () => {
    await mcpServerGenerator(tree, { name: 'jira' });
    expect(JSON.parse(read(tree, 'apps/jira-mcp/package.json'))).toEqual({
      name: '@sophia/jira-mcp',
      version: '0.1.0',
      private: true,
      description: 'MCP server for Jira on port 9010.',
      type: 'module',
      nx: { name: 'jira-mcp' },
      dependencies: { '@sophia/mcp-base': '0.1.0', zod: '4.6.7' },
      devDependencies: { '@sophia/mcp-testing': '0.1.0' },
    });
  });

  it('writes the manifest with the secret, the URL variable and the guessed default URL', async () => {
    await mcpServerGenerator(tree, { name: 'jira-mcp' });
    expect(JSON.parse(read(tree, 'apps/jira-mcp/mcp-server.json'))).toEqual({
      name: 'jira-mcp',
      title: 'Jira',
      description: 'Jira through its REST API.',
      port: 9010,
      env: {
        JIRA_TOKEN: { description: 'Credential of the Jira API.', secret: true, required: true },
        JIRA_API_URL: { description: 'Base URL of the Jira API.' },
      },
      upstream: { urlEnv: 'JIRA_API_URL', defaultUrl: 'https://api.jira.com' },
    });
    expect(read(tree, 'apps/jira-mcp/README.md')).toContain('set the real one');
  });

  it('picks the lowest port that no manifest in the tree uses and no planned server has reserved', async () => {
    addManifest(tree, 'a-mcp', 9010);
    addManifest(tree, 'b-mcp', 9017);
    await mcpServerGenerator(tree, { name: 'jira' });
    expect(JSON.parse(read(tree, 'apps/jira-mcp/mcp-server.json')).port).toBe(9018);
  });

  it('gives a planned server its planned port (DESIGN.md)', async () => {
    await mcpServerGenerator(tree, { name: 'slack' });
    expect(JSON.parse(read(tree, 'apps/slack-mcp/mcp-server.json')).port).toBe(9004);
  });

  it('takes the options: title, description, port, secret, API URL', async () => {
    await mcpServerGenerator(tree, {
      name: 'lambda-labs',
      title: 'Lambda Cloud',
      description: 'GPU instances on Lambda Cloud.',
      port: 9016,
      secret: 'LAMBDA_API_KEY',
      apiUrl: 'https://cloud.lambdalabs.com/api/v1',
    });
    const root = 'apps/lambda-labs-mcp';
    expect(JSON.parse(read(tree, `${root}/mcp-server.json`))).toMatchObject({
      title: 'Lambda Cloud',
      description: 'GPU instances on Lambda Cloud.',
      port: 9016,
      env: { LAMBDA_API_KEY: { description: 'Credential of the Lambda Cloud API.', secret: true, required: true } },
      upstream: { urlEnv: 'LAMBDA_LABS_API_URL', defaultUrl: 'https://cloud.lambdalabs.com/api/v1' },
    });
    expect(read(tree, `${root}/src/config.ts`)).toContain('LAMBDA_LABS_API_URL: z.url(),');
    expect(read(tree, `${root}/src/context.ts`)).toContain("service: 'Lambda Cloud'");
    expect(read(tree, `${root}/test/fake-upstream.ts`)).toContain("LAMBDA_API_KEY: 'test-token-000000'");
  });

  it('builds the context from the secret with Bearer auth and exports the tool definer', async () => {
    await mcpServerGenerator(tree, { name: 'jira' });
    const context = read(tree, 'apps/jira-mcp/src/context.ts');
    expect(context).toContain('export const defineJiraTool = toolDefiner<JiraContext>();');
    expect(context).toContain('headers: { authorization: `Bearer ${config.JIRA_TOKEN}` }');
    expect(context).toContain("fetch: deps.upstreamFetch('Jira')");
    expect(read(tree, 'apps/jira-mcp/src/config.ts')).toContain('JIRA_TOKEN: envSecret(),');
    expect(read(tree, 'apps/jira-mcp/src/app.ts')).toContain('export const jiraApp = defineMcpApp({');
  });

  it("adds the example read-only tool through the mcp-tool generator and the app's own scaffold", async () => {
    await mcpServerGenerator(tree, { name: 'jira' });
    expect(read(tree, 'apps/jira-mcp/src/tools/index.ts')).toContain(
      "import { getItem } from './item-get.tool';\n\n/** Every jira-mcp tool",
    );
    expect(read(tree, 'apps/jira-mcp/src/tools/index.ts')).toContain('= [\n  getItem,\n];');
    const tool = read(tree, 'apps/jira-mcp/src/tools/item-get.tool.ts');
    expect(tool).toContain('annotations: { readOnlyHint: true, openWorldHint: true }');
    expect(tool).toContain("ctx.api.request('get', `/items/${encodeURIComponent(id)}`");
    // The scaffold is the app's own from now on: its names filled in, its EJS left for later tools.
    const scaffold = read(tree, 'apps/jira-mcp/scaffold/tool.ts.ejs');
    expect(scaffold).toContain("import { defineJiraTool } from '../context';");
    expect(scaffold).toContain('export const <%- exportName %> = defineJiraTool({');
    expect(scaffold).not.toContain('__');
  });

  it("commits the example tool's schema snapshot, so a new server passes its contract in CI", async () => {
    await mcpServerGenerator(tree, { name: 'jira' });
    const snapshot = JSON.parse(read(tree, 'apps/jira-mcp/test/__toolsnaps__/get_item.json'));
    expect(snapshot).toMatchObject({
      name: 'get_item',
      title: 'Get an item',
      description: expect.stringContaining('Reads one item by id from the Jira API'),
      annotations: { title: 'Get an item', readOnlyHint: true, openWorldHint: true },
    });
    expect(Object.keys(snapshot.inputSchema.properties)).toEqual(['id', 'query']);
  });

  it('pins no hand-written lists in its specs: the contract and the e2e spec read the app', async () => {
    await mcpServerGenerator(tree, { name: 'jira' });
    const contract = read(tree, 'apps/jira-mcp/test/contract.spec.ts');
    const e2e = read(tree, 'apps/jira-mcp/e2e/http.e2e.ts');
    expect(e2e).toContain("describeServerOverHttp({ app: 'jira-mcp', configuredEnv, sampleCall });");
    for (const text of [contract, e2e]) {
      expect(text).not.toMatch(/writeTools|expectedTools|secrets:/);
    }
  });

  it("binds the fake upstream's routes with mcp-testing's routesUnder instead of a route helper of its own", async () => {
    await mcpServerGenerator(tree, { name: 'jira' });
    const fake = read(tree, 'apps/jira-mcp/test/fake-upstream.ts');
    expect(fake).toContain("import { routesUnder, toolCaller } from '@sophia/mcp-testing';");
    expect(fake).toContain('export const route = routesUnder(API_URL);');
    expect(fake).not.toMatch(/function route|recordedRoute/);
  });

  describe('refuses, with a clear message,', () => {
    it('an app that already exists', async () => {
      await mcpServerGenerator(tree, { name: 'jira' });
      await expect(mcpServerGenerator(tree, { name: 'jira-mcp' })).rejects.toThrow('apps/jira-mcp already exists');
    });

    it('a port another server holds or a planned server has reserved, naming it and the next free port', async () => {
      addManifest(tree, 'github-mcp', 9003);
      addManifest(tree, 'jira-cloud-mcp', 9010);
      await expect(mcpServerGenerator(tree, { name: 'jira', port: 9010 })).rejects.toThrow(
        '--port 9010 cannot be used: port 9010 is claimed by both jira-cloud-mcp and jira-mcp (the next free port is 9017)',
      );
      await expect(mcpServerGenerator(tree, { name: 'jira', port: 9004 })).rejects.toThrow(
        'port 9004 of jira-mcp is reserved for slack-mcp',
      );
    });

    it('a planned server away from its planned port', async () => {
      await expect(mcpServerGenerator(tree, { name: 'slack', port: 9020 })).rejects.toThrow(
        'slack-mcp must stay on its planned port 9004, not 9020',
      );
    });

    it('a port outside 9000-9099', async () => {
      await expect(mcpServerGenerator(tree, { name: 'jira', port: 8080 })).rejects.toThrow(
        '--port 8080 is outside 9000-9099',
      );
    });

    it('a name that is not kebab-case, a bad secret name, a bad URL', async () => {
      await expect(mcpServerGenerator(tree, { name: 'Jira_Cloud' })).rejects.toThrow('must be kebab-case');
      await expect(mcpServerGenerator(tree, { name: 'jira', secret: 'jira-token' })).rejects.toThrow('--secret');
      await expect(mcpServerGenerator(tree, { name: 'jira', apiUrl: 'api.jira.com' })).rejects.toThrow('--apiUrl');
    });
  });
});

describe('the sync callback', () => {
  it('warns with the command to run instead of failing when sync fails', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(() => syncAfterGenerate(process.cwd(), 'node -e process.exit(3)')()).not.toThrow();
    const printed = [...warn.mock.calls, ...log.mock.calls].flat().join('\n');
    expect(printed).toContain('`node -e process.exit(3)`');
    warn.mockRestore();
    log.mockRestore();
  });
});
