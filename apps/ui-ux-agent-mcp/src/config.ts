import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** ui-ux-agent-mcp's own settings, all from the environment (or Pulumi ESC). */
export const uiUxAgentConfigSchema = z.object({
  OPENROUTER_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  UI_UX_AGENT_API_URL: z.url(),
});

export type UiUxAgentConfig = z.output<typeof uiUxAgentConfigSchema>;
