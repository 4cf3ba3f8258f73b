import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** hubspot-mcp's own settings, all from the environment (or Pulumi ESC). */
export const hubspotConfigSchema = z.object({
  HUBSPOT_ACCESS_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  HUBSPOT_API_URL: z.url(),
  /**
   * HubSpot allows about 4 searches a second per token, whoever sends them; the pace is per process,
   * so the default of 2 leaves the two default replicas at 4 in all.
   */
  HUBSPOT_SEARCH_PER_SECOND: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().positive().max(4).default(2)),
});

export type HubspotConfig = z.output<typeof hubspotConfigSchema>;
