import type { McpServerFactory } from '@modelcontextprotocol/server';
import { parseBaseConfig, type BaseConfig } from '../config/base-config';
import { parseEnv } from '../config/env-schema';
import { resolveEnvironment } from '../config/resolve-environment';
import { configurationGap, parseServerManifest, secretEnvNames, type ServerManifest } from '@sophia/mcp-manifest';
import { ToolError } from '../errors/tool-error';
import type { Readiness } from '../http/create-http-app';
import { createLogger, type Logger } from '../observability/logger';
import { ServerMetrics } from '../observability/metrics';
import type { DestinationStream } from 'pino';
import type { ToolDefinition } from '../tools/define-tool';
import { createToolRunner } from '../tools/run-tool';
import { selectTools } from '../tools/select-tools';
import { createServerFactory } from './create-server-factory';
import type { McpAppDefinition } from './mcp-app';

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
  tools: readonly ToolDefinition<unknown>[];
  serverFactory: McpServerFactory;
  readiness: () => Readiness;
  /** Flips /readyz to 503 so the load balancer stops sending work while in-flight calls finish. */
  beginShutdown: () => void;
}

export async function createRuntime<Config, AppContext>(
  app: McpAppDefinition<Config, AppContext>,
  options: RuntimeOptions,
): Promise<McpRuntime> {
  const manifest = parseServerManifest(app.manifest, `${String((app.manifest as { name?: string }).name)} manifest`);
  const { env, escError, escEnvironment } = await resolveEnvironment(options.env);
  const config = parseBaseConfig(env, manifest);
  const appConfig = parseEnv(app.config, env);
  const gap = configurationGap(manifest, env);
  const missing = gap?.missing ?? [];
  const secretValues = [...secretEnvNames(manifest), 'MCP_AUTH_TOKEN', 'PULUMI_ACCESS_TOKEN']
    .map((name) => env[name])
    .filter((value): value is string => Boolean(value));
  const logger = createLogger({
    name: manifest.name,
    level: config.logLevel,
    secretValues,
    destination: options.logDestination,
  });
  const metrics = new ServerMetrics({ defaultMetrics: options.defaultMetrics });
  if (escError) logger.error({ escEnvironment }, escError);

  const configured = gap === undefined;
  const context = configured ? app.createContext(appConfig, { logger, metrics }) : undefined;
  const notConfigured = ToolError.notConfigured(manifest.title, missing, escError);
  let shuttingDown = false;

  const tools = selectTools(app.tools, config);
  const prepared = tools.map((definition) => ({
    definition: definition as ToolDefinition<unknown>,
    run: createToolRunner(definition, {
      logger,
      metrics,
      timeoutMs: config.toolTimeoutMs,
      maxResultBytes: config.maxResultBytes,
      context: () => context ?? notConfigured,
      mapError: app.mapError,
    }),
  }));

  return {
    manifest,
    config,
    logger,
    metrics,
    tools: tools as readonly ToolDefinition<unknown>[],
    serverFactory: createServerFactory(manifest, app.version, prepared),
    readiness: () => {
      const count = tools.length;
      if (shuttingDown) return { ready: false, status: 'shutting_down', tools: count };
      if (!configured) {
        return { ready: false, status: 'not_configured', tools: count, missing, reason: notConfigured.message };
      }
      return { ready: true, status: 'ready', tools: count };
    },
    beginShutdown: () => {
      shuttingDown = true;
    },
  };
}
