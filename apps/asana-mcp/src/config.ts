import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** asana-mcp's own settings, all from the environment (or Pulumi ESC). */
export const asanaConfigSchema = z.object({
  ASANA_TOKEN: envSecret(),
  ASANA_API_URL: z.url().default('https://app.asana.com/api/1.0'),
});

export type AsanaConfig = z.output<typeof asanaConfigSchema>;
