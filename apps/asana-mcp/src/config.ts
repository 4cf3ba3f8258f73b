import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** asana-mcp's own settings, all from the environment (or Pulumi ESC). */
export const asanaConfigSchema = z.object({
  ASANA_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  ASANA_API_URL: z.url(),
});

export type AsanaConfig = z.output<typeof asanaConfigSchema>;
