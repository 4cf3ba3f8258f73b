import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';

export const getCredits = defineOpenrouterSearchTool({
  name: 'get_credits',
  toolset: 'account',
  title: 'Get the account credits',
  description:
    'Credits bought and used by the whole account, and what remains, in USD (GET /credits). Needs an OpenRouter ' +
    'management key in OPENROUTER_API_KEY (the error says so otherwise); for one key use get_key_usage.',
  input: z.object({}),
  output: z.object({ totalCreditsUsd: z.number(), totalUsageUsd: z.number(), remainingUsd: z.number() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (_input, ctx) => {
    const { total_credits: credits, total_usage: usage } = await ctx.api.credits();
    return { totalCreditsUsd: credits, totalUsageUsd: usage, remainingUsd: Math.round((credits - usage) * 1e6) / 1e6 };
  },
});
