import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** linear-mcp's own settings, all from the environment (or Pulumi ESC). */
export const linearConfigSchema = z.object({
  /** A personal API key (sent as-is) or an OAuth access token ("Bearer …" is added by the SDK). */
  LINEAR_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  LINEAR_API_URL: z.url(),
  /** Base delay before retrying a read that failed with a 5xx (retried twice: 1× and 4× this); tests shorten it. */
  LINEAR_RETRY_BASE_MS: envInt(500),
  /** Longest rate-limit wait absorbed once inside a call; longer ones become rate_limited errors at once. */
  LINEAR_MAX_RATE_LIMIT_WAIT_SECONDS: envInt(2, 0),
});

export type LinearConfig = z.output<typeof linearConfigSchema>;
