import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodesFromFiles, type CreateNodes } from '@nx/devkit';
import { serverTargets, typecheckTarget } from './inferred-targets';
import { assertFleet, parseManifestFile } from './read-manifests';

/**
 * Projects come from package.json (npm workspaces; `nx.name` there is the project name);
 * this plugin adds what the manifests and tsconfigs imply. Manifests are validated
 * together on every graph computation, so a duplicate port fails any nx command (lint,
 * test, CI) at once, naming both apps.
 */
export const createNodes: CreateNodes = [
  '{apps/*/mcp-server.json,apps/*/tsconfig.json,libs/*/tsconfig.json,tools/*/tsconfig.json}',
  async (files, options, context) => {
    const manifests = new Map(
      files
        .filter((file) => file.endsWith('mcp-server.json'))
        .map((file) => [file, parseManifestFile(file, readFileSync(join(context.workspaceRoot, file), 'utf8'))]),
    );
    assertFleet([...manifests.values()]);
    return createNodesFromFiles(
      (file) => {
        const root = dirname(file);
        const entry = manifests.get(file);
        if (!entry) return { projects: { [root]: { targets: { typecheck: typecheckTarget(root) } } } };
        const { manifest } = entry;
        const hasE2e = existsSync(join(context.workspaceRoot, root, 'jest.e2e.config.cjs'));
        return {
          projects: {
            [root]: {
              projectType: 'application',
              tags: ['type:app', `scope:${manifest.name.replace(/-mcp$/, '')}`],
              targets: serverTargets(root, manifest.name, hasE2e),
              metadata: { mcp: { port: manifest.port, title: manifest.title } },
            },
          },
        };
      },
      files,
      options,
      context,
    );
  },
];

/** The same, under the name older Nx docs use. */
export const createNodesV2 = createNodes;
