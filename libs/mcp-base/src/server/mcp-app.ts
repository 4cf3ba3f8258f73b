import type { z } from 'zod';
import type { ToolError } from '../errors/tool-error';
import type { Logger } from '../observability/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { ToolList } from '../tools/define-tool';

/** What an app hands the base: everything else (HTTP, config, filters, logging) is the base's job. */
export interface McpAppDefinition<Config, AppContext> {
  /** The parsed or raw `mcp-server.json`. */
  manifest: unknown;
  /** The app's package.json version. */
  version: string;
  tools: ToolList<AppContext>;
  /** The app's own env schema (upstream URL, credentials, options). Parsed once at start. */
  config: z.ZodType<Config>;
  /**
   * Builds the vendor clients. Only called when every secret the manifest lists is
   * present; the only place that reads secrets.
   */
  createContext: (config: Config, deps: { logger: Logger; metrics: ServerMetrics }) => AppContext;
  /** Maps the vendor SDK's errors to ToolErrors, once for all tools. */
  mapError?: (error: unknown) => ToolError | undefined;
}

export function defineMcpApp<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
): McpAppDefinition<Config, AppContext> {
  return app;
}
