import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** portkey-admin-mcp's own settings, all from the environment (or Pulumi ESC). */
export const portkeyAdminConfigSchema = z.object({
  PORTKEY_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  PORTKEY_API_URL: z.url(),
});

export type PortkeyAdminConfig = z.output<typeof portkeyAdminConfigSchema>;
