import type { Tree } from '@nx/devkit';
import { PLANNED_PORTS, PORT_RANGE, fleetProblems, nextFreePort, parseServerManifest, type ManifestEntry } from '@sophia/mcp-manifest';
import { manifestPath, parseManifestFile } from '../../read-manifests';

/** Every manifest in the tree (the workspace as the generator sees it, including earlier edits). */
export function manifestsInTree(tree: Tree): ManifestEntry[] {
  return tree
    .children('apps')
    .filter((app) => tree.exists(manifestPath(app)))
    .map((app) => parseManifestFile(manifestPath(app), tree.read(manifestPath(app), 'utf8') ?? ''));
}

/**
 * The port for a new app: the requested one, else its planned port (DESIGN.md §1), else the
 * next free one. Checked with the same fleet rules as lint, so the messages name the holder.
 */
export function choosePort(tree: Tree, appName: string, requested: number | undefined): number {
  const entries = manifestsInTree(tree);
  const port = requested ?? PLANNED_PORTS[appName] ?? nextFreePort(entries);
  if (!Number.isInteger(port) || port < PORT_RANGE.min || port > PORT_RANGE.max) {
    throw new Error(`--port ${port} is outside ${PORT_RANGE.min}-${PORT_RANGE.max}, the range for MCP servers`);
  }
  const candidate = { directory: appName, manifest: parseServerManifest({ name: appName, title: appName, description: appName, port }) };
  const problems = fleetProblems([...entries, candidate]).filter((problem) => problem.includes(appName));
  if (problems.length) {
    throw new Error(`--port ${port} cannot be used: ${problems.join('; ')} (the next free port is ${nextFreePort(entries)})`);
  }
  return port;
}
