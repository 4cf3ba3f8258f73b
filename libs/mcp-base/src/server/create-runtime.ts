import { setMaxListeners } from 'node:events';
import type { McpServerFactory } from '@modelcontextprotocol/server';
import { configurationGap, parseServerManifest, secretEnvNames, type ServerManifest } from '@sophia/mcp-manifest';
import type { DestinationStream } from 'pino';
import { createAuditLog } from '../audit/audit-log';
import { parseBaseConfig, type BaseConfig } from '../config/base-config';
import { parseEnv } from '../config/env-schema';
import { resolveEnvironment } from '../config/resolve-environment';
import { ToolError } from '../errors/tool-error';
import type { Readiness } from '../http/create-http-app';
import { ClientRateLimits } from '../limits/client-rate-limit';
import { createLogger, type Logger } from '../observability/logger';
import { ServerMetrics } from '../observability/metrics';
import { SecretScrubber } from '../observability/secret-scrubber';
import type { ToolDefinition } from '../tools/define-tool';
import { createToolRunner, type ToolRunner } from '../tools/run-tool';
import { enabledTools, expandDefaultToolsets, selectTools } from '../tools/select-tools';
import { createToolViews } from '../tools/tool-views';
import { unwrapContext, type ContextLifecycle } from './context-lifecycle';
import { createUpstreamFetchFactory } from '../upstream/upstream-fetch';
import { parseUpstreamSettings } from '../upstream/upstream-settings';
import { createServerFactory } from './create-server-factory';
import type { McpAppDefinition } from './mcp-app';
import { ReadyCheck } from './ready-check';

export interface RuntimeOptions {
  env: Record<string, string | undefined>;
  logDestination?: DestinationStream;
  /** Process metrics (event loop, memory) are off in tests that build many runtimes. */
  defaultMetrics?: boolean;
}

/** Everything a server is made of, before it listens: used by startMcpServer and in-memory tests. */
export interface McpRuntime {
  manifest: ServerManifest;
  config: BaseConfig;
  logger: Logger;
  metrics: ServerMetrics;
  /** Every tool the configuration serves; a request's narrowing headers select among them. */
  tools: readonly ToolDefinition<unknown>[];
  serverFactory: McpServerFactory;
  /** Why a request's X-MCP-* narrowing headers are refused (malformed, or naming what the app does not have); else undefined. */
  narrowingProblem: (headers: Headers) => string | undefined;
  readiness: () => Readiness;
  /** Resolves once the app context's first readiness check has settled or timed out (at once when it has none). */
  settled: () => Promise<void>;
  /** Flips /readyz to 503 so the load balancer stops sending work while in-flight calls finish. */
  beginShutdown: () => void;
  /** Ends every call still running (the shutdown grace period is over): each answers a tool error. */
  abortCalls: () => void;
  /** Closes what the app context opened (pools, embedded stores); once, after the calls have finished. */
  dispose: () => Promise<void>;
}

/** Base settings every server reads itself; their values are scrubbed like the app's secrets. */
const BASE_SECRETS = ['MCP_AUTH_TOKEN', 'MCP_AUTH_TOKENS', 'PULUMI_ACCESS_TOKEN'];

export async function createRuntime<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  options: RuntimeOptions,
): Promise<McpRuntime> {
  const manifest = parseServerManifest(app.manifest, `${String((app.manifest as { name?: string }).name)} manifest`);
  const resolved = await resolveEnvironment(options.env);
  const env = withUpstreamDefault(resolved.env, manifest);
  const { escError, escEnvironment } = resolved;
  const config = parseBaseConfig(env, manifest);
  const appConfig = parseEnv(app.config, env);
  const clientTokens = config.clientTokens.map((client) => client.token);
  const scrubber = new SecretScrubber([...[...secretEnvNames(manifest), ...BASE_SECRETS].map((name) => env[name]), ...clientTokens]);
  const logger = createLogger({ name: manifest.name, level: config.logLevel, scrubber, destination: options.logDestination });
  const audit = createAuditLog({ settings: config.audit, server: manifest.name, scrubber, serverLogDestination: options.logDestination });
  const clientLimits = new ClientRateLimits(config.clientRateLimit);
  const metrics = new ServerMetrics({ defaultMetrics: options.defaultMetrics });
  if (escError) logger.error({ escEnvironment }, escError);

  const upstreamFetch = createUpstreamFetchFactory({ metrics, settings: parseUpstreamSettings(env) });
  const gap = configurationGap(manifest, env);
  const notConfigured = gap ? ToolError.notConfigured(manifest.title, gap.need, escError) : undefined;
  let context: AppContext | undefined;
  let hooks: ContextLifecycle = {};
  if (!gap) {
    const made = await app.createContext(appConfig, { logger, metrics, upstreamFetch, policy: writePolicyOf(config) });
    ({ context, hooks } = unwrapContext(made));
  }
  const readyCheck = new ReadyCheck(hooks.ready, (error) =>
    scrubber.scrub(`${manifest.title}: ${error instanceof Error ? error.message : String(error)}`),
  );
  const firstCheck = readyCheck.refresh();
  let shuttingDown = false;
  const stopCalls = new AbortController();
  // Every call in flight listens on it (and removes its listener when it ends): no cap on concurrent calls.
  setMaxListeners(0, stopCalls.signal);
  let disposed: Promise<void> | undefined;

  const defaultToolsets = manifest.tools.defaultToolsets;
  const toolsets = expandDefaultToolsets(config.toolsets, defaultToolsets);
  const tools = selectTools(enabledTools(app.tools, appConfig, config), { ...config, toolsets }, app.tools);
  const views = createToolViews(tools, {
    defaultToolsets,
    chosenByConfig: config.toolsets.length > 0 || config.tools.length > 0,
    known: app.tools,
  });
  const prepared = tools.map((definition) => {
    const run = createToolRunner(definition, {
      logger,
      metrics,
      timeoutMs: config.toolTimeoutMs,
      maxResultBytes: config.maxResultBytes,
      context: () => notConfigured ?? (context as AppContext),
      mapError: app.mapError,
      shutdownSignal: stopCalls.signal,
      clientLimits: clientLimits.active ? clientLimits : undefined,
      audit,
    });
    // Secrets never leave in a result, whatever an upstream error message echoed back.
    const scrubbed: ToolRunner = async (...call) => scrubber.scrubDeep(await run(...call));
    return { definition: definition as ToolDefinition<unknown>, run: scrubber.active ? scrubbed : run };
  });

  return {
    manifest,
    config,
    logger,
    metrics,
    tools: tools as readonly ToolDefinition<unknown>[],
    serverFactory: createServerFactory(manifest, app.version, prepared, (headers) => views.forRequest(headers).tools),
    narrowingProblem: (headers) => views.forRequest(headers).problem,
    readiness: () => {
      const count = tools.length;
      if (shuttingDown) return { ready: false, status: 'shutting_down', tools: count };
      if (gap) {
        return { ready: false, status: 'not_configured', tools: count, missing: gap.missing, need: gap.need, reason: notConfigured?.message };
      }
      const state = readyCheck.current;
      if (state.kind === 'ready') return { ready: true, status: 'ready', tools: count };
      void readyCheck.refresh(); // a failed store open is retried while it is probed
      return state.kind === 'failed'
        ? { ready: false, status: 'not_ready', tools: count, reason: state.reason }
        : { ready: false, status: 'starting', tools: count };
    },
    settled: () => firstCheck,
    beginShutdown: () => {
      shuttingDown = true;
    },
    abortCalls: () => stopCalls.abort(),
    dispose: () =>
      (disposed ??= Promise.resolve()
        .then(() => hooks.dispose?.())
        .catch((error: unknown) => logger.error({ err: error }, 'closing the app context failed'))),
  };
}

const writePolicyOf = (config: BaseConfig) => ({ readOnly: config.readOnly, allowDestructive: config.allowDestructive });

/** The upstream URL variable falls back to the manifest's `upstream.defaultUrl`: its one source. */
function withUpstreamDefault(env: Record<string, string | undefined>, manifest: ServerManifest) {
  const upstream = manifest.upstream;
  if (!upstream || env[upstream.urlEnv]?.trim()) return env;
  return { ...env, [upstream.urlEnv]: upstream.defaultUrl };
}
