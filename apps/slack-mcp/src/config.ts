import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** slack-mcp's own settings, all from the environment (or Pulumi ESC). */
export const slackConfigSchema = z.object({
  /** A bot (xoxb-) or user (xoxp-) token; search_messages needs a user token. */
  SLACK_TOKEN: envSecret(),
  /**
   * The WebClient joins `<base><method>`, so the base keeps (or gets) its trailing slash.
   * Default: the manifest's upstream.defaultUrl (the base fills it in).
   */
  SLACK_API_URL: z
    .url()
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  /** First delay of the SDK's retry of failed reads (5xx, network); later ones double. Tests shorten it. */
  SLACK_RETRY_BASE_MS: envInt(1000),
  /** Longest Retry-After a call waits out (once); longer ones become rate_limited errors at once. */
  SLACK_MAX_RATE_LIMIT_WAIT_SECONDS: envInt(5, 0),
});

export type SlackConfig = z.output<typeof slackConfigSchema>;
