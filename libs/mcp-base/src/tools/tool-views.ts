import { z } from 'zod';
import { envBoolean, envList } from '../config/env-schema';
import { expandDefaultToolsets, filterTools, unknownNames, type FilterSources, type SelectableTool } from './select-tools';

/**
 * Request headers that narrow what one request is served, so one deployment serves several client
 * configurations. They select only within what the server's own configuration serves.
 */
const HEADERS = {
  toolsets: 'X-MCP-Toolsets',
  tools: 'X-MCP-Tools',
  excludeTools: 'X-MCP-Exclude-Tools',
  readOnly: 'X-MCP-Readonly',
} as const;

const HEADER_SOURCES: FilterSources = HEADERS;

// Header values read like the env variables they mirror: comma lists, and true/false (1/0, yes/no, on/off).
const narrowingSchema = z.object({
  toolsets: envList(),
  tools: envList(),
  excludeTools: envList(),
  readOnly: envBoolean(false),
});

/** Where the default toolsets come from, for the error naming an unknown one. */
const MANIFEST_SOURCES: FilterSources = {
  toolsets: 'mcp-server.json tools.defaultToolsets',
  tools: 'mcp-server.json tools',
  excludeTools: 'mcp-server.json tools',
};

/** No filter at all: what a view narrows from. */
const everything = { readOnly: false, allowDestructive: true, toolsets: [] as readonly string[], tools: [] as readonly string[] };

/** At most this many distinct header combinations are remembered (clients use a handful). */
const CACHE_SIZE = 64;

export interface ToolView<Tool> {
  tools: readonly Tool[];
  /** A malformed header, or one naming a tool or toolset the app does not have: the request is refused with this. */
  problem?: string;
}

export interface ToolViews<Tool> {
  /** Everything the server's configuration serves: a request narrows it, never widens it. */
  allowed: readonly Tool[];
  /** What a request that names no toolset and no tool starts from: the manifest's default toolsets. */
  byDefault: readonly Tool[];
  /** The tools one request is served, from its narrowing headers (none: `byDefault`). */
  forRequest(headers: Headers | undefined): ToolView<Tool>;
}

export interface ToolViewOptions {
  /** The manifest's `tools.defaultToolsets`. */
  defaultToolsets?: readonly string[];
  /** MCP_TOOLSETS or MCP_TOOLS is set: the operator chose, so there is no default subset. */
  chosenByConfig: boolean;
  /** Every definition of the app, also those this configuration does not serve (names in headers are checked against them). */
  known: readonly SelectableTool[];
}

export function createToolViews<Tool extends SelectableTool>(allowed: readonly Tool[], options: ToolViewOptions): ToolViews<Tool> {
  const { defaultToolsets, known } = options;
  const manifestProblem = unknownNames(known, { ...everything, toolsets: defaultToolsets ?? [] }, MANIFEST_SOURCES);
  if (manifestProblem) throw new Error(manifestProblem);
  const byDefault =
    options.chosenByConfig || !defaultToolsets ? allowed : filterTools(allowed, { ...everything, toolsets: defaultToolsets });
  const defaultView: ToolView<Tool> = { tools: byDefault };
  const cache = new Map<string, ToolView<Tool>>();

  const narrow = (values: Record<keyof typeof HEADERS, string | undefined>): ToolView<Tool> => {
    const parsed = narrowingSchema.safeParse(values);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const header = HEADERS[issue?.path[0] as keyof typeof HEADERS];
      return { tools: [], problem: `${header}: ${issue?.message}` };
    }
    const request = parsed.data;
    const choosesTools = request.toolsets.length > 0 || request.tools.length > 0;
    const filters = {
      readOnly: request.readOnly,
      allowDestructive: true,
      toolsets: expandDefaultToolsets(request.toolsets, defaultToolsets),
      tools: request.tools,
      excludeTools: request.excludeTools,
    };
    // Unknown names still narrow (they match nothing), so even an unrefused request never widens.
    return { tools: filterTools(choosesTools ? allowed : byDefault, filters), problem: unknownNames(known, filters, HEADER_SOURCES) };
  };

  return {
    allowed,
    byDefault,
    forRequest: (headers) => {
      const values = {
        toolsets: headers?.get(HEADERS.toolsets) ?? undefined,
        tools: headers?.get(HEADERS.tools) ?? undefined,
        excludeTools: headers?.get(HEADERS.excludeTools) ?? undefined,
        readOnly: headers?.get(HEADERS.readOnly) ?? undefined,
      };
      if (Object.values(values).every((value) => value === undefined)) return defaultView;
      const key = JSON.stringify(values);
      let view = cache.get(key);
      if (!view) {
        view = narrow(values);
        if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(key, view);
      }
      return view;
    },
  };
}
