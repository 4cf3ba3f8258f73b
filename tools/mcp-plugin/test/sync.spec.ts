import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import syncGenerator from '../src/generators/sync/generator';

const WORKSPACE = join(__dirname, '..', '..', '..');

/** A workspace on disk with real tool definitions, so the sync reads them as `nx sync` would. */
function workspace(apps: Record<string, { port: number; tools: string }>): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-sync-'));
  symlinkSync(join(WORKSPACE, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'README.md'), '# Fleet\n\n<!-- servers:start -->\n<!-- servers:end -->\n\nhand-written tail\n');
  for (const [app, { port, tools }] of Object.entries(apps)) {
    mkdirSync(join(root, 'apps', app, 'src', 'tools'), { recursive: true });
    writeFileSync(
      join(root, 'apps', app, 'mcp-server.json'),
      JSON.stringify({ name: app, title: app.toUpperCase(), description: `${app} server.`, port, secrets: ['DEMO_TOKEN'] }),
    );
    writeFileSync(join(root, 'apps', app, 'README.md'), `# ${app}\n\n<!-- tools:start -->\nold\n<!-- tools:end -->\n`);
    writeFileSync(join(root, 'apps', app, 'src', 'tools', 'index.ts'), tools);
  }
  return root;
}

const demoTools = `
import { defineTool } from '@sophia/mcp-base';
import { z } from 'zod';
const read = defineTool({
  name: 'widget_get', toolset: 'widgets', title: 'Get a widget',
  description: 'Reads one widget (e.g. \\'w-1\\'). Returns its fields.',
  input: z.object({ id: z.string() }), annotations: { readOnlyHint: true },
  handler: async ({ id }) => ({ id }),
});
const write = defineTool({
  name: 'widget_delete', toolset: 'widgets', title: 'Delete a widget', description: 'Deletes | removes one widget.',
  input: z.object({ id: z.string() }), annotations: { readOnlyHint: false, destructiveHint: true },
  handler: async ({ id }) => ({ id }),
});
export const demoTools = [read, write];
`;

async function sync(root: string) {
  const tree = new FsTree(root, false);
  const result = await syncGenerator(tree);
  flushChanges(root, tree.listChanges());
  return result;
}

describe('the sync generator', () => {
  it('derives .cursor/mcp.json, the port table and each tool table, then reports nothing stale', async () => {
    const root = workspace({ 'zeta-mcp': { port: 9022, tools: demoTools }, 'alpha-mcp': { port: 9021, tools: demoTools } });
    const first = await sync(root);
    expect(first?.outOfSyncDetails?.sort()).toEqual([
      '.cursor/mcp.json',
      'README.md',
      'apps/alpha-mcp/README.md',
      'apps/zeta-mcp/README.md',
    ]);

    expect(JSON.parse(readFileSync(join(root, '.cursor/mcp.json'), 'utf8'))).toEqual({
      mcpServers: {
        alpha: { url: 'http://127.0.0.1:9021/mcp', headers: { Authorization: 'Bearer ${env:MCP_AUTH_TOKEN}' } },
        zeta: { url: 'http://127.0.0.1:9022/mcp', headers: { Authorization: 'Bearer ${env:MCP_AUTH_TOKEN}' } },
      },
    });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('| `alpha-mcp` | 9021 | ALPHA-MCP | `DEMO_TOKEN` | [README](apps/alpha-mcp/README.md) |');
    expect(readme.indexOf('alpha-mcp')).toBeLessThan(readme.indexOf('zeta-mcp'));
    expect(readme).toContain('hand-written tail');
    expect(readFileSync(join(root, 'apps/alpha-mcp/README.md'), 'utf8')).toBe(
      [
        '# alpha-mcp',
        '',
        '<!-- tools:start -->',
        '| name | toolset | read-only | description |',
        '| --- | --- | --- | --- |',
        "| `widget_get` | widgets | yes | Reads one widget (e.g. 'w-1'). |",
        '| `widget_delete` | widgets | no | Deletes \\| removes one widget. |',
        '<!-- tools:end -->',
        '',
      ].join('\n'),
    );

    expect(await sync(root)).toBeUndefined();
  });

  it('names the file whose markers are missing', async () => {
    const root = workspace({ 'alpha-mcp': { port: 9021, tools: demoTools } });
    writeFileSync(join(root, 'apps/alpha-mcp/README.md'), '# no markers\n');
    await expect(sync(root)).rejects.toThrow(
      'apps/alpha-mcp/README.md needs the markers <!-- tools:start --> and <!-- tools:end -->',
    );
  });

  it('refuses to derive anything from manifests that share a port', async () => {
    const root = workspace({ 'alpha-mcp': { port: 9021, tools: demoTools }, 'beta-mcp': { port: 9021, tools: demoTools } });
    await expect(sync(root)).rejects.toThrow('port 9021 is claimed by both alpha-mcp and beta-mcp');
  });
});
