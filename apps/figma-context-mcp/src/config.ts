import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** figma-context-mcp's own settings, all from the environment (or Pulumi ESC). */
export const figmaContextConfigSchema = z.object({
  /** Personal access token (X-Figma-Token); wins when both credentials are set. */
  FIGMA_TOKEN: envSecret(),
  /** OAuth access token (Authorization: Bearer). */
  FIGMA_OAUTH_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  FIGMA_API_URL: z.url(),
});

export type FigmaContextConfig = z.output<typeof figmaContextConfigSchema>;
