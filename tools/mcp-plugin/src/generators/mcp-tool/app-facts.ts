import type { Tree } from '@nx/devkit';

/** What the mcp-tool generator needs to know about an existing server app. */
export interface AppFacts {
  root: string;
  /** The manifest title, used in default descriptions ("the Jira API"). */
  title: string;
}

const appRoot = (project: string) => `apps/${project}`;

/** Reads an app's facts from its manifest; an unknown app is a clear error listing the servers. */
export function readAppFacts(tree: Tree, project: string): AppFacts {
  const root = appRoot(project);
  const manifestFile = `${root}/mcp-server.json`;
  const manifest = tree.read(manifestFile, 'utf8');
  if (manifest === null) {
    const known = tree.children('apps').filter((app) => tree.exists(`${appRoot(app)}/mcp-server.json`));
    throw new Error(`Unknown project "${project}": there is no ${manifestFile}. MCP servers: ${known.join(', ') || 'none'}`);
  }
  return { root, title: (JSON.parse(manifest) as { title: string }).title };
}
