import { Client, LogLevel } from '@notionhq/client';
import { toolDefiner, type Logger, type ServerMetrics } from '@sophia/mcp-base';
import type { NotionConfig } from './config';
import { createNotionFetch } from './notion-fetch';

/**
 * The Notion API version every request is sent with. Pinned here rather than left to the SDK's
 * default so an SDK upgrade cannot change response shapes under us. 2025-09-03 is the version
 * with data sources (`dataSources.query`/`retrieve`; databases became containers of data sources);
 * @notionhq/client 5.26.0 defaults to the same (Client.defaultNotionVersion).
 */
export const NOTION_VERSION = '2025-09-03';

export interface NotionContext {
  /** A Notion SDK client whose requests are bound to this call's AbortSignal: `ctx.notion(ctx.signal)`. */
  notion: (signal: AbortSignal) => Client;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineNotionTool = toolDefiner<NotionContext>();

/** The only place that reads the token. The base calls it only once NOTION_TOKEN is set. */
export function createNotionContext(config: NotionConfig, deps: { logger: Logger; metrics: ServerMetrics }): NotionContext {
  const policy = { maxRetryAfterSeconds: config.NOTION_MAX_RETRY_AFTER_SECONDS, retryBaseMs: config.NOTION_RETRY_BASE_MS };
  const baseUrl = config.NOTION_API_URL.replace(/\/+$/, '');
  // The SDK's console logger would break our JSON log lines; route it to pino.
  const logger = (level: LogLevel, message: string, extraInfo: Record<string, unknown>) =>
    level === LogLevel.ERROR ? deps.logger.error(extraInfo, message) : deps.logger.debug(extraInfo, message);
  // A client is a plain object of endpoint functions: one per call is cheap, and it is the only
  // way to give the SDK's requests the call's signal.
  return {
    notion: (signal) =>
      new Client({
        auth: config.NOTION_TOKEN,
        baseUrl,
        notionVersion: NOTION_VERSION,
        retry: false,
        fetch: createNotionFetch(signal, policy, deps.metrics),
        logLevel: LogLevel.WARN,
        logger,
      }),
  };
}
