import type { ToolAnnotations, ToolList, WritePolicy } from './define-tool';

/** What selection reads of a tool definition. */
export interface SelectableTool {
  name: string;
  toolset: string;
  annotations: ToolAnnotations;
}

export interface ToolFilters {
  /** Drops every tool without readOnlyHint: true. Wins over everything else. */
  readOnly: boolean;
  /** The write policy: false drops every tool annotated destructiveHint: true. */
  allowDestructive: boolean;
  /** Toolsets to enable; empty means all (unless tools names some), `all` means all. */
  toolsets: readonly string[];
  /** Individual tools to enable in addition to the toolsets; alone, only these. */
  tools: readonly string[];
  /** Tools never served, whatever names them: wins over toolsets and tools, like readOnly. */
  excludeTools?: readonly string[];
}

/** How the names of a ToolFilters are spelled where they came from (env variables or request headers). */
export interface FilterSources {
  toolsets: string;
  tools: string;
  excludeTools: string;
}

export const ENV_SOURCES: FilterSources = { toolsets: 'MCP_TOOLSETS', tools: 'MCP_TOOLS', excludeTools: 'MCP_EXCLUDE_TOOLS' };

/** Keywords a toolset list may hold besides toolset names. */
const TOOLSET_KEYWORDS = new Set(['all', 'default']);

/**
 * Applies MCP_READ_ONLY, the write policy, MCP_TOOLSETS, MCP_TOOLS and MCP_EXCLUDE_TOOLS. Unknown
 * names are an error that lists the valid ones, so a typo never silently serves nothing. `known`
 * is every definition of the app (also those its configuration disables), so naming a tool this
 * configuration does not serve is not a typo.
 */
export function selectTools<Tool extends SelectableTool>(
  all: readonly Tool[],
  filters: ToolFilters,
  known: readonly SelectableTool[] = all,
): Tool[] {
  assertUniqueNames(all);
  const problem = unknownNames(known, filters, ENV_SOURCES);
  if (problem) throw new Error(problem);
  return filterTools(all, filters);
}

/** The filters alone, without checking the names (an unknown name matches nothing). */
export function filterTools<Tool extends SelectableTool>(all: readonly Tool[], filters: ToolFilters): Tool[] {
  const everything = (filters.toolsets.length === 0 && filters.tools.length === 0) || filters.toolsets.includes('all');
  const excluded = new Set(filters.excludeTools ?? []);
  return all.filter(
    (tool) =>
      (!filters.readOnly || tool.annotations.readOnlyHint === true) &&
      (filters.allowDestructive || tool.annotations.destructiveHint !== true) &&
      !excluded.has(tool.name) &&
      (everything || filters.toolsets.includes(tool.toolset) || filters.tools.includes(tool.name)),
  );
}

/** "MCP_TOOLS names unknown tools: x. Known: a, b" for the first list naming something the app does not have. */
export function unknownNames(known: readonly SelectableTool[], filters: ToolFilters, sources: FilterSources): string | undefined {
  const toolsets = [...new Set(known.map((tool) => tool.toolset))];
  const tools = [...new Set(known.map((tool) => tool.name))];
  const unknownToolsets = filters.toolsets.filter((name) => !TOOLSET_KEYWORDS.has(name) && !toolsets.includes(name));
  if (unknownToolsets.length) {
    return `${sources.toolsets} names unknown toolsets: ${unknownToolsets.join(', ')}. Known: ${toolsets.join(', ')}`;
  }
  for (const [list, source] of [
    [filters.tools, sources.tools],
    [filters.excludeTools ?? [], sources.excludeTools],
  ] as const) {
    const unknown = list.filter((name) => !tools.includes(name));
    if (unknown.length) return `${source} names unknown tools: ${unknown.join(', ')}. Known: ${tools.join(', ')}`;
  }
  return undefined;
}

/**
 * A toolset list with `default` replaced by the manifest's default toolsets (`all` when it
 * declares none), so `default,actions` means the usual set plus one.
 */
export function expandDefaultToolsets(toolsets: readonly string[], defaultToolsets: readonly string[] | undefined): string[] {
  if (!toolsets.includes('default')) return [...toolsets];
  const expanded = toolsets.flatMap((name) => (name === 'default' ? (defaultToolsets ?? ['all']) : [name]));
  return [...new Set(expanded)];
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
