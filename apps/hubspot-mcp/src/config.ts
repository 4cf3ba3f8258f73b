import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** hubspot-mcp's own settings, all from the environment (or Pulumi ESC). */
export const hubspotConfigSchema = z.object({
  HUBSPOT_ACCESS_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  HUBSPOT_API_URL: z.url(),
});

export type HubspotConfig = z.output<typeof hubspotConfigSchema>;
