import type { z } from 'zod';
import type { ToolError } from '../errors/tool-error';
import type { Logger } from '../observability/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { ToolList, WritePolicy } from '../tools/define-tool';
import type { UpstreamFetchFactory } from '../upstream/upstream-fetch';
import type { ContextWithLifecycle } from './context-lifecycle';

/** What createContext gets besides the app's config. */
export interface ContextDeps {
  logger: Logger;
  metrics: ServerMetrics;
  /** The resolved write policy, for contexts whose behaviour follows it (e.g. a database access mode). */
  policy: WritePolicy;
  /** `upstreamFetch('Service')`: the fetch to give the vendor SDK (timeouts, retries, metrics, call binding). */
  upstreamFetch: UpstreamFetchFactory;
}

/** What an app hands the base: everything else (HTTP, config, filters, logging) is the base's job. */
export interface McpAppDefinition<Config, AppContext> {
  /** The parsed or raw `mcp-server.json`. */
  manifest: unknown;
  /** The app's package.json version. */
  version: string;
  tools: ToolList<AppContext>;
  /**
   * The app's own env schema: exactly the variables the manifest's `env` declares (a fleet test
   * checks it). Parsed once at start, after the Pulumi ESC merge and the upstream URL default.
   */
  config: z.ZodType<Config>;
  /**
   * Builds the vendor clients (and opens stores). Only called when the manifest's required
   * variables and one credential alternative are present; the only place that reads secrets.
   * May be async, and may return `withLifecycle(context, { ready, dispose })`.
   */
  createContext: (
    config: Config,
    deps: ContextDeps,
  ) => AppContext | ContextWithLifecycle<AppContext> | Promise<AppContext | ContextWithLifecycle<AppContext>>;
  /** Maps the vendor SDK's errors to ToolErrors, once for all tools. */
  mapError?: (error: unknown) => ToolError | undefined;
}

export function defineMcpApp<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
): McpAppDefinition<Config, AppContext> {
  return app;
}
