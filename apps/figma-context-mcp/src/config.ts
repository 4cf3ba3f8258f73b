import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** figma-context-mcp's own settings, all from the environment (or Pulumi ESC). */
export const figmaContextConfigSchema = z.object({
  FIGMA_TOKEN: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  FIGMA_CONTEXT_API_URL: z.url(),
});

export type FigmaContextConfig = z.output<typeof figmaContextConfigSchema>;
