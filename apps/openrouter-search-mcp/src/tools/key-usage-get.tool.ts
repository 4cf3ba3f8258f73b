import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';

const usd = z.number().nullable();

export const getKeyUsage = defineOpenrouterSearchTool({
  name: 'get_key_usage',
  toolset: 'account',
  title: 'Get the API key usage and limit',
  description:
    "The configured key's spend and limit (GET /key): USD used in all, today, this week and this month, the limit, " +
    'what remains and when it resets, bring-your-own-key usage, free tier, expiry. Works with any key (the label, not ' +
    'the key, is shown).',
  input: z.object({}),
  output: z.object({
    label: z.string().nullable(),
    usageUsd: z.object({ total: usd, daily: usd, weekly: usd, monthly: usd, byok: usd }),
    limitUsd: usd.describe('null: no limit on this key.'),
    limitRemainingUsd: usd,
    limitReset: z.string().nullable(),
    isFreeTier: z.boolean().nullable(),
    isManagementKey: z.boolean().nullable(),
    expiresAt: z.string().nullable(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (_input, ctx) => {
    const key = await ctx.api.currentKey();
    return {
      label: key.label ?? null,
      usageUsd: { total: key.usage ?? null, daily: key.usage_daily ?? null, weekly: key.usage_weekly ?? null, monthly: key.usage_monthly ?? null, byok: key.byok_usage ?? null },
      limitUsd: key.limit ?? null,
      limitRemainingUsd: key.limit_remaining ?? null,
      limitReset: key.limit_reset ?? null,
      isFreeTier: key.is_free_tier ?? null,
      isManagementKey: key.is_management_key ?? key.is_provisioning_key ?? null,
      expiresAt: key.expires_at ?? null,
    };
  },
});
