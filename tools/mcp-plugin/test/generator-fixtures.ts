import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

/** The real workspace this plugin lives in. */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** An empty Nx workspace plus what the generators read: mcp-base's package.json (for zod's version). */
export function emptyWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('libs/mcp-base/package.json', JSON.stringify({ name: '@sophia/mcp-base', dependencies: { zod: '4.6.7' } }));
  return tree;
}

/** A manifest on the given port, as another server would have it. */
export function addManifest(tree: Tree, app: string, port: number): void {
  tree.write(
    `apps/${app}/mcp-server.json`,
    JSON.stringify({ name: app, title: app, description: `${app}.`, port }),
  );
}

/** The real apps of this workspace, as apps/ holds them now. */
export const workspaceApps = () =>
  readdirSync(join(WORKSPACE_ROOT, 'apps')).filter((app) => existsSync(join(WORKSPACE_ROOT, 'apps', app, 'mcp-server.json')));

/** Copies a real app (tracked and new files, as the working tree has them) into the tree. */
export function addApp(tree: Tree, app: string): void {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', `apps/${app}`], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && existsSync(join(WORKSPACE_ROOT, file)));
  for (const file of files) tree.write(file, readFileSync(join(WORKSPACE_ROOT, file)));
}

export const read = (tree: Tree, file: string) => tree.read(file, 'utf8') ?? '';
