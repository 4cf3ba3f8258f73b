import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { markdownTable } from './markers';

export interface ToolSummary {
  name: string;
  toolset: string;
  readOnly: boolean;
  description: string;
}

/**
 * Reads every app's tool list by running its real definitions: one esbuild bundle of all
 * apps' `src/tools/index.ts` (workspace code only), run once in a child process (the tools import
 * ESM-only vendor SDKs, which this CommonJS plugin process could not load as easily).
 */
export async function loadToolSummaries(workspaceRoot: string, apps: readonly string[]): Promise<Record<string, ToolSummary[]>> {
  if (apps.length === 0) return {};
  const imports = apps.map((app, index) => `import * as app${index} from './apps/${app}/src/tools/index.ts';`);
  const entry = [
    ...imports,
    'const isToolList = (value) => Array.isArray(value) && value.every((tool) => typeof tool?.name === "string" && typeof tool?.handler === "function");',
    `const modules = { ${apps.map((app, index) => `${JSON.stringify(app)}: app${index}`).join(', ')} };`,
    'const result = {};',
    'for (const [app, module] of Object.entries(modules)) {',
    '  const list = Object.values(module).find(isToolList) ?? [];',
    '  result[app] = list.map((tool) => ({ name: tool.name, toolset: tool.toolset, readOnly: tool.annotations.readOnlyHint === true, description: tool.description }));',
    '}',
    'process.stdout.write(JSON.stringify(result));',
  ].join('\n');
  const bundle = await build({
    stdin: { contents: entry, resolveDir: workspaceRoot, loader: 'ts', sourcefile: 'tool-summaries.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [dependenciesInPlace],
  });
  // Inside the workspace, so the bundle's imports of dependencies resolve to its node_modules.
  const cache = join(workspaceRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'mcp-sync-'));
  try {
    const file = join(dir, 'tool-summaries.mjs');
    writeFileSync(file, bundle.outputFiles[0]?.text ?? '');
    return JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8', env: { PATH: process.env['PATH'] } }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Dependencies stay where npm put them (only the workspace's @sophia/* TypeScript is bundled): some
 * load files next to their own code at import time (libpg-query's WebAssembly), which a bundle moves.
 * Each is imported by the absolute path it resolves to from its importer, so an app's own version
 * (apps/<app>/node_modules/<package>, where npm nests it) wins over a different hoisted one.
 */
const dependenciesInPlace: Plugin = {
  name: 'dependencies-in-place',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async ({ path, importer, kind, resolveDir, pluginData }) => {
      if (path.startsWith('@sophia/') || pluginData === RESOLVING || isBuiltin(path)) return undefined;
      const resolved = await build.resolve(path, { importer, kind, resolveDir, pluginData: RESOLVING });
      return { path: resolved.errors.length ? path : pathToFileURL(resolved.path).href, external: true };
    });
  },
};
const RESOLVING = Symbol('resolving a dependency in place');

/**
 * An app README's tool table: the first sentence of each description. Variants of one tool that the
 * configuration picks between (`enabled(config)`, e.g. a read-only and a writing execute_sql) share a row.
 * With the manifest's default toolsets, a line under it says what a client naming none is listed.
 */
export function toolTable(tools: readonly ToolSummary[], defaultToolsets?: readonly string[]): string {
  const byName = new Map<string, ToolSummary[]>();
  for (const tool of tools) byName.set(tool.name, [...(byName.get(tool.name) ?? []), tool]);
  const table = markdownTable(
    ['name', 'toolset', 'read-only', 'description'],
    [...byName.values()].map((variants) => {
      const [tool] = variants as [ToolSummary];
      const readOnly = new Set(variants.map((variant) => variant.readOnly));
      const readOnlyCell = readOnly.size > 1 ? 'by configuration' : tool.readOnly ? 'yes' : 'no';
      return [`\`${tool.name}\``, tool.toolset, readOnlyCell, firstSentence(tool.description)];
    }),
  );
  if (!defaultToolsets) return table;
  const listed = defaultToolsets.map((name) => `\`${name}\``).join(', ');
  return [
    table,
    '',
    `A client that names no toolset is listed the default toolsets ${listed} (manifest \`tools.defaultToolsets\`); ` +
      'the header `X-MCP-Toolsets: all` (or `MCP_TOOLSETS=all` on the server) lists every toolset. See "Choosing the tools" in ' +
      '[`libs/mcp-base/README.md`](../../libs/mcp-base/README.md).',
  ].join('\n');
}

/** Up to the first full stop that is followed by a capital letter (so "e.g. `x`" does not end it). */
function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s+[A-Z]|$)/s.exec(text.trim());
  return (match?.[0] ?? text).replace(/\s+/g, ' ');
}
