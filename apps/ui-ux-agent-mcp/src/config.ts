import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** ui-ux-agent-mcp's own settings, all from the environment (or Pulumi ESC). */
export const uiUxAgentConfigSchema = z.object({
  /** Optional: the offline tools need no key; the LLM tools answer not_configured without it. */
  OPENROUTER_API_KEY: envSecret(),
  /** Default: the manifest's upstream.defaultUrl (the base fills it in). */
  OPENROUTER_API_URL: z.url(),
  UI_UX_MODEL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || 'anthropic/claude-sonnet-4.5'),
  UI_UX_MAX_TOKENS: envInt(4000),
});

export type UiUxAgentConfig = z.output<typeof uiUxAgentConfigSchema>;
