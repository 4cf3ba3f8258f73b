import type { Tree } from '@nx/devkit';

/** What the mcp-tool generator needs to know about an existing server app. */
export interface AppFacts {
  root: string;
  /** The manifest title, used in default descriptions ("the Jira API"). */
  title: string;
  /** `defineJiraTool`, exported by src/context.ts. */
  toolDefiner: string;
  /** `jiraApp`, exported by src/app.ts; the generated spec connects to it. */
  appExport: string;
  /** Octokit apps call `ctx.octokit.request(route)`; the others `ctx.api.request(...)`. */
  usesOctokit: boolean;
}

const appRoot = (project: string) => `apps/${project}`;

/** Reads an app's facts from its files; every missing piece is a clear error naming the file. */
export function readAppFacts(tree: Tree, project: string): AppFacts {
  const root = appRoot(project);
  const manifestFile = `${root}/mcp-server.json`;
  if (!tree.exists(manifestFile)) {
    const known = tree.children('apps').filter((app) => tree.exists(`${appRoot(app)}/mcp-server.json`));
    throw new Error(`Unknown project "${project}": there is no ${manifestFile}. MCP servers: ${known.join(', ') || 'none'}`);
  }
  const context = readRequired(tree, `${root}/src/context.ts`);
  const app = readRequired(tree, `${root}/src/app.ts`);
  return {
    root,
    title: (JSON.parse(readRequired(tree, manifestFile)) as { title: string }).title,
    toolDefiner: exportedName(context, /export const (define\w+Tool)\s*=\s*toolDefiner/, `${root}/src/context.ts`, 'defineXTool = toolDefiner<...>()'),
    appExport: exportedName(app, /export const (\w+)\s*=\s*defineMcpApp/, `${root}/src/app.ts`, 'xApp = defineMcpApp({...})'),
    usesOctokit: /octokit/i.test(context),
  };
}

function readRequired(tree: Tree, file: string): string {
  const text = tree.read(file, 'utf8');
  if (text === null) throw new Error(`${file} is missing; every MCP server app has one`);
  return text;
}

function exportedName(text: string, pattern: RegExp, file: string, shape: string): string {
  const name = pattern.exec(text)?.[1];
  if (!name) throw new Error(`${file} must export \`${shape}\` for generated tools to use`);
  return name;
}
