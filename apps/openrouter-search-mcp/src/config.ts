import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** openrouter-search-mcp's own settings, all from the environment (or Pulumi ESC). */
export const openrouterSearchConfigSchema = z.object({
  OPENROUTER_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  OPENROUTER_API_URL: z.url(),
  OPENROUTER_MODELS_TTL_SECONDS: envInt(3600, 0),
});

export type OpenrouterSearchConfig = z.output<typeof openrouterSearchConfigSchema>;
