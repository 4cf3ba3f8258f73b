import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateNodesContext } from '@nx/devkit';
import { createNodes } from '../src';

/** A workspace on disk with the given manifests (and an e2e config for the first app). */
function workspace(manifests: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-plugin-'));
  Object.entries(manifests).forEach(([app, manifest], index) => {
    mkdirSync(join(root, 'apps', app), { recursive: true });
    writeFileSync(join(root, 'apps', app, 'mcp-server.json'), JSON.stringify(manifest));
    if (index === 0) writeFileSync(join(root, 'apps', app, 'jest.e2e.config.cjs'), 'module.exports = {};');
  });
  return root;
}

const manifest = (name: string, port: number) => ({ name, title: name, description: `${name}.`, port });

async function infer(root: string, files: string[]) {
  const [, createNodesFunction] = createNodes;
  const context = { workspaceRoot: root, nxJsonConfiguration: {} } as unknown as CreateNodesContext;
  return createNodesFunction(files, undefined, context);
}

describe('the mcp plugin (createNodes)', () => {
  it('infers build, serve and e2e for a server, with exact inputs, and tags it by scope', async () => {
    const root = workspace({ 'slack-mcp': manifest('slack-mcp', 9004) });
    const [[file, result]] = await infer(root, ['apps/slack-mcp/mcp-server.json']);
    expect(file).toBe('apps/slack-mcp/mcp-server.json');
    const project = result.projects?.['apps/slack-mcp'];
    expect(project?.tags).toEqual(['type:app', 'scope:slack']);
    expect(Object.keys(project?.targets ?? {})).toEqual(['build', 'serve', 'e2e', 'container', 'deploy']);
    expect(project?.targets?.['build']).toMatchObject({
      executor: '@nx/esbuild:esbuild',
      cache: true,
      inputs: ['production', '^bundled', '{workspaceRoot}/tools/esbuild/server-bundle.config.cjs'],
      options: { main: 'apps/slack-mcp/src/main.ts', outputPath: 'dist/apps/slack-mcp', format: ['esm'] },
    });
    expect(project?.targets?.['serve']?.options).toMatchObject({ buildTarget: 'slack-mcp:build:development' });
    expect(project?.targets?.['e2e']).toMatchObject({ dependsOn: ['build'] });
    expect(project?.metadata).toEqual({ mcp: { port: 9004, title: 'slack-mcp' } });
  });

  it('infers container (cached on the bundle, Dockerfile and registry) and deploy (never cached) for a server', async () => {
    const root = workspace({ 'slack-mcp': manifest('slack-mcp', 9004) });
    const [[, result]] = await infer(root, ['apps/slack-mcp/mcp-server.json']);
    const targets = result.projects?.['apps/slack-mcp']?.targets ?? {};
    expect(targets['container']).toEqual(
      expect.objectContaining({
        cache: true,
        dependsOn: ['build'],
        inputs: [
          { dependentTasksOutputFiles: '**/*', transitive: false },
          '{workspaceRoot}/Dockerfile',
          '{workspaceRoot}/.dockerignore',
          '{workspaceRoot}/tools/delivery/src/container.mjs',
          '{workspaceRoot}/tools/delivery/src/builders.mjs',
          '{workspaceRoot}/tools/delivery/src/workspace.mjs',
          { externalDependencies: [] },
          { env: 'MCP_REGISTRY' },
          { env: 'MCP_NODE_BASE' },
          { env: 'MCP_PLATFORMS' },
        ],
        outputs: ['{workspaceRoot}/dist/containers/slack-mcp.json'],
        options: { command: 'node tools/delivery/src/container.mjs --app slack-mcp' },
      }),
    );
    expect(targets['deploy']).toEqual(
      expect.objectContaining({
        cache: false,
        // --dry-run reaches the container step too, so a dry deploy pushes nothing.
        dependsOn: [{ target: 'container', params: 'forward' }],
        inputs: [
          '{workspaceRoot}/k3s/base/**/*',
          '{workspaceRoot}/k3s/components/**/*',
          '{workspaceRoot}/k3s/overlays/slack-mcp/**/*',
          '{workspaceRoot}/k3s/tls/**/*',
        ],
        options: { command: 'node tools/delivery/src/deploy.mjs --app slack-mcp' },
      }),
    );
  });

  it('gives every tsconfig.json project a cached typecheck', async () => {
    const root = workspace({});
    const [[, result]] = await infer(root, ['libs/mcp-base/tsconfig.json']);
    expect(result.projects?.['libs/mcp-base']?.targets?.['typecheck']).toMatchObject({
      cache: true,
      options: { command: 'tsc -p libs/mcp-base/tsconfig.json' },
    });
  });

  it('fails the whole graph when two servers claim one port, naming both', async () => {
    const root = workspace({ 'linear-mcp': manifest('linear-mcp', 9002), 'ui-ux-agent-mcp': manifest('ui-ux-agent-mcp', 9002) });
    await expect(
      infer(root, ['apps/linear-mcp/mcp-server.json', 'apps/ui-ux-agent-mcp/mcp-server.json']),
    ).rejects.toThrow('port 9002 is claimed by both linear-mcp and ui-ux-agent-mcp');
  });

  it('fails on a manifest with a bad name, naming the file', async () => {
    const root = workspace({ 'jira-mcp': manifest('Jira', 9017) });
    await expect(infer(root, ['apps/jira-mcp/mcp-server.json'])).rejects.toThrow(
      /Invalid server manifest apps\/jira-mcp\/mcp-server.json[\s\S]*must be kebab-case and end in "-mcp"/,
    );
  });
});
