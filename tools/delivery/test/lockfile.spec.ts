import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './support/workspace';

/**
 * A fresh `npm install` must leave package-lock.json as committed (CI and newcomers start from a
 * clean tree). What npm rewrites first is a workspace whose package.json declares other
 * dependencies than the lock records for it; this checks that offline, for every workspace.
 */
const read = (file: string) => JSON.parse(readFileSync(join(WORKSPACE_ROOT, file), 'utf8'));
const lock = read('package-lock.json');
const root = read('package.json');
const workspaces: string[] = root.workspaces.flatMap((pattern: string) =>
  pattern.endsWith('/*')
    ? readdirSync(join(WORKSPACE_ROOT, pattern.slice(0, -2)))
        .map((name) => `${pattern.slice(0, -2)}/${name}`)
        .filter((dir) => existsSync(join(WORKSPACE_ROOT, dir, 'package.json')))
    : [pattern],
);
const KINDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
const declared = (pkg: Record<string, unknown>) => Object.fromEntries(KINDS.map((kind) => [kind, pkg[kind] ?? {}]));

describe('package-lock.json', () => {
  it('is lockfileVersion 3 and names the root package', () => {
    expect(lock).toMatchObject({ lockfileVersion: 3, name: root.name });
  });

  it.each(['', ...workspaces])('records the dependencies of %s exactly as its package.json declares them', (dir) => {
    const entry = lock.packages[dir];
    expect(entry).toBeDefined();
    expect(declared(entry)).toEqual(declared(read(join(dir, 'package.json'))));
  });

  it('links every workspace, and no workspace that is gone', () => {
    const linked = Object.keys(lock.packages).filter((path) => path !== '' && !path.includes('node_modules/'));
    expect(linked.sort()).toEqual([...workspaces].sort());
  });
});
