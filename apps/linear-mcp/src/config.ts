import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** linear-mcp's own settings, all from the environment (or Pulumi ESC). */
export const linearConfigSchema = z.object({
  LINEAR_API_KEY: envSecret(),
  LINEAR_API_URL: z.url().default('https://api.linear.app/graphql'),
});

export type LinearConfig = z.output<typeof linearConfigSchema>;
