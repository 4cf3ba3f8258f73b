import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** codacy-mcp's own settings, all from the environment (or Pulumi ESC). */
export const codacyConfigSchema = z.object({
  CODACY_API_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  CODACY_API_URL: z.url(),
});

export type CodacyConfig = z.output<typeof codacyConfigSchema>;
