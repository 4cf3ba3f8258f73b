import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** slack-mcp's own settings, all from the environment (or Pulumi ESC). */
export const slackConfigSchema = z.object({
  SLACK_TOKEN: envSecret(),
  SLACK_API_URL: z.url().default('https://slack.com/api'),
});

export type SlackConfig = z.output<typeof slackConfigSchema>;
