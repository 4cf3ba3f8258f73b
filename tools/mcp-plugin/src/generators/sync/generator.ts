import type { Tree } from '@nx/devkit';
import type { ManifestEntry } from '@sophia/mcp-manifest';
import { assertFleet, manifestPath, parseManifestFile } from '../../read-manifests';
import { cursorConfig, serverTable } from './fleet-docs';
import { OVERLAYS_DIR, k3sOverlay, overlayFile } from './k3s-overlays';
import { replaceBetweenMarkers } from './markers';
import { addToolSection, configurationTable } from './readme-sections';
import { loadToolSummaries, toolTable } from './tool-metadata';

/**
 * `nx sync` / `nx sync:check`: every file derived from the manifests and the tool
 * definitions is rewritten here, and nowhere by hand. CI fails when one is stale.
 */
export default async function syncGenerator(tree: Tree): Promise<OutOfSync | void> {
  const entries = readManifestsFromTree(tree);
  const stale: string[] = [];
  const write = (file: string, content: string) => {
    if (tree.exists(file) && tree.read(file, 'utf8') === content) return;
    tree.write(file, content);
    stale.push(file);
  };

  write('.cursor/mcp.json', cursorConfig(entries));
  write('README.md', replaceBetweenMarkers(tree.read('README.md', 'utf8') ?? '', 'servers', serverTable(entries), 'README.md'));
  const summaries = await loadToolSummaries(tree.root, entries.map((entry) => entry.directory));
  for (const { directory, manifest } of entries) {
    const readme = `apps/${directory}/README.md`;
    const sections: Array<[string, string]> = [
      ['configuration', configurationTable(manifest)],
      ['tools', toolTable(summaries[directory] ?? [], manifest.tools.defaultToolsets)],
      ['add-tool', addToolSection(manifest.name)],
    ];
    write(readme, sections.reduce((text, [key, content]) => replaceBetweenMarkers(text, key, content, readme), tree.read(readme, 'utf8') ?? ''));
  }
  for (const { manifest } of entries) write(overlayFile(manifest.name), k3sOverlay(manifest));
  // An overlay whose server is gone would still deploy it: remove it with its manifest.
  const servers = new Set(entries.map(({ manifest }) => manifest.name));
  for (const app of tree.children(OVERLAYS_DIR).filter((dir) => !servers.has(dir))) {
    tree.delete(`${OVERLAYS_DIR}/${app}`);
    stale.push(`${OVERLAYS_DIR}/${app}`);
  }

  if (stale.length === 0) return;
  return {
    outOfSyncMessage: 'Files derived from the MCP server manifests and tool definitions are stale. Run `npx nx sync`.',
    outOfSyncDetails: stale,
  };
}

/** Nx's sync result shape (its type is not part of @nx/devkit's public API). */
interface OutOfSync {
  outOfSyncMessage: string;
  outOfSyncDetails: string[];
}

function readManifestsFromTree(tree: Tree): ManifestEntry[] {
  const entries = tree
    .children('apps')
    .filter((app) => tree.exists(manifestPath(app)))
    .map((app) => parseManifestFile(manifestPath(app), tree.read(manifestPath(app), 'utf8') ?? ''));
  assertFleet(entries);
  return entries;
}
