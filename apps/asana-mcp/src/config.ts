import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** asana-mcp's own settings, all from the environment (or Pulumi ESC). */
export const asanaConfigSchema = z.object({
  ASANA_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  ASANA_API_URL: z.url(),
  /** Retries of GET/PUT on 429/502/503/504 (POSTs are never retried, so nothing is created twice). */
  ASANA_RETRIES: envInt(2, 0),
  /** Longest Retry-After waited out before a retry; a longer one fails at once as rate_limited. */
  ASANA_MAX_RETRY_AFTER_MS: envInt(2_000, 0),
  /** First backoff delay of a retry without Retry-After (doubles per attempt; tests shorten it). */
  ASANA_RETRY_DELAY_MS: envInt(300, 0),
  /** Timeout of one HTTP attempt. */
  ASANA_TIMEOUT_MS: envInt(20_000),
});

export type AsanaConfig = z.output<typeof asanaConfigSchema>;
