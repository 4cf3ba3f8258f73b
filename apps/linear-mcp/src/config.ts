import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** linear-mcp's own settings, all from the environment (or Pulumi ESC). */
export const linearConfigSchema = z.object({
  /** A personal API key (sent as-is) or an OAuth access token ("Bearer …" is added by the SDK). */
  LINEAR_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  LINEAR_API_URL: z.url(),
});

export type LinearConfig = z.output<typeof linearConfigSchema>;
