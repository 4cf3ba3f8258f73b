import type { ToolList, WritePolicy } from './define-tool';

export interface ToolFilters {
  /** Drops every tool without readOnlyHint: true. Wins over everything else. */
  readOnly: boolean;
  /** The write policy: false drops every tool annotated destructiveHint: true. */
  allowDestructive: boolean;
  /** Toolsets to enable; empty means all. */
  toolsets: readonly string[];
  /** Individual tools to enable in addition to the toolsets; alone, only these. */
  tools: readonly string[];
}

/**
 * Applies MCP_READ_ONLY, MCP_TOOLSETS and MCP_TOOLS. Unknown names are an error that
 * lists the valid ones, so a typo never silently serves nothing.
 */
export function selectTools<AppContext>(all: ToolList<AppContext>, filters: ToolFilters): ToolList<AppContext> {
  assertUniqueNames(all);
  const knownToolsets = new Set(all.map((tool) => tool.toolset));
  const knownTools = new Set(all.map((tool) => tool.name));
  const unknownToolsets = filters.toolsets.filter((name) => name !== 'all' && !knownToolsets.has(name));
  if (unknownToolsets.length) {
    throw new Error(
      `MCP_TOOLSETS names unknown toolsets: ${unknownToolsets.join(', ')}. Known: ${[...knownToolsets].join(', ')}`,
    );
  }
  const unknownTools = filters.tools.filter((name) => !knownTools.has(name));
  if (unknownTools.length) {
    throw new Error(`MCP_TOOLS names unknown tools: ${unknownTools.join(', ')}. Known: ${[...knownTools].join(', ')}`);
  }

  const everything = (filters.toolsets.length === 0 && filters.tools.length === 0) || filters.toolsets.includes('all');
  return all.filter(
    (tool) =>
      (!filters.readOnly || tool.annotations.readOnlyHint === true) &&
      (filters.allowDestructive || tool.annotations.destructiveHint !== true) &&
      (everything || filters.toolsets.includes(tool.toolset) || filters.tools.includes(tool.name)),
  );
}

/**
 * The tools this configuration serves at all (each tool's `enabled`). Two definitions may share a
 * name when their `enabled` exclude each other (e.g. a read-only and a destructive variant).
 */
export function enabledTools<AppContext, Config>(
  all: ToolList<AppContext>,
  config: Config,
  policy: WritePolicy,
): ToolList<AppContext> {
  const enabled = all.filter((tool) => tool.enabled?.(config, policy) ?? true);
  assertUniqueNames(enabled);
  return enabled;
}

function assertUniqueNames(all: ReadonlyArray<{ name: string }>): void {
  const seen = new Set<string>();
  for (const tool of all) {
    if (seen.has(tool.name)) throw new Error(`Two tools are named "${tool.name}"`);
    seen.add(tool.name);
  }
}
