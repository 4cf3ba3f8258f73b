import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Copies the real github-mcp app (an Octokit app with grouped tool lists) into the tree. */
export function addGithubApp(tree: Tree): void {
  const files = execFileSync('git', ['ls-files', 'apps/github-mcp'], { cwd: WORKSPACE_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const file of files) tree.write(file, readFileSync(join(WORKSPACE_ROOT, file)));
}

export const read = (tree: Tree, file: string) => tree.read(file, 'utf8') ?? '';
