import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** notion-mcp's own settings, all from the environment (or Pulumi ESC). */
export const notionConfigSchema = z.object({
  NOTION_TOKEN: envSecret(),
  /** Without /v1: the SDK appends /v1/<endpoint>. Default: the manifest's upstream.defaultUrl. */
  NOTION_API_URL: z.url(),
  /**
   * Longest Retry-After (seconds) of a `rate_limited` answer that one call waits out, once.
   * Longer waits become a rate_limited error at once, naming the wait.
   */
  NOTION_MAX_RETRY_AFTER_SECONDS: envInt(2, 0),
  /** Base delay of the retry of 5xx answers on reads (twice, after 1x and 2x this); tests shorten it. */
  NOTION_RETRY_BASE_MS: envInt(1000),
});

export type NotionConfig = z.output<typeof notionConfigSchema>;
