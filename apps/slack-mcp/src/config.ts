import { envSecret } from '@sophia/mcp-base';
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
});

export type SlackConfig = z.output<typeof slackConfigSchema>;
