import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** openrouter-search-mcp's own settings, all from the environment (or Pulumi ESC). */
export const openrouterSearchConfigSchema = z.object({
  OPENROUTER_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  OPENROUTER_API_URL: z.url(),
});

export type OpenrouterSearchConfig = z.output<typeof openrouterSearchConfigSchema>;
