import { Client, LogLevel } from '@notionhq/client';
import { toolDefiner, type ContextDeps } from '@sophia/mcp-base';
import type { NotionConfig } from './config';

/**
 * The Notion API version every request is sent with. Pinned here rather than left to the SDK's
 * default so an SDK upgrade cannot change response shapes under us. 2025-09-03 is the version
 * with data sources (`dataSources.query`/`retrieve`; databases became containers of data sources);
 * @notionhq/client 5.26.0 defaults to the same (Client.defaultNotionVersion).
 */
export const NOTION_VERSION = '2025-09-03';

/**
 * Notion allows an average of three requests per second per integration. Only block deletes come
 * in long runs (replace_page_content removes a page's blocks one request each), so only they are
 * paced here; every other tool sends a handful of requests per call.
 */
export const BLOCK_DELETE_PACING = {
  requestsPerSecond: 3,
  applies: (url: URL, method: string) => method === 'DELETE' && url.pathname.includes('/v1/blocks/'),
};

export interface NotionContext {
  /** The Notion SDK client; each request it sends is bound to the tool call that made it. */
  notion: Client;
}

/** defineTool bound to this app's context: tool files need no type annotations. */
export const defineNotionTool = toolDefiner<NotionContext>();

/**
 * The only place that reads the token. The base calls it only once NOTION_TOKEN is set. One client
 * for the process: its requests go through the base's upstream fetch (call binding, metrics, the
 * fleet's retry policy; reads such as search and data source queries travel as POST from read-only
 * tools and are retried like GETs). The SDK's own retry is off, so nothing retries twice.
 */
export function createNotionContext(config: NotionConfig, deps: Pick<ContextDeps, 'logger' | 'upstreamFetch'>): NotionContext {
  // The SDK's console logger would break our JSON log lines; route it to pino.
  const logger = (level: LogLevel, message: string, extraInfo: Record<string, unknown>) =>
    level === LogLevel.ERROR ? deps.logger.error(extraInfo, message) : deps.logger.debug(extraInfo, message);
  return {
    notion: new Client({
      auth: config.NOTION_TOKEN,
      baseUrl: config.NOTION_API_URL.replace(/\/+$/, ''),
      notionVersion: NOTION_VERSION,
      retry: false,
      fetch: deps.upstreamFetch('Notion', { pacing: BLOCK_DELETE_PACING }),
      logLevel: LogLevel.WARN,
      logger,
    }),
  };
}
