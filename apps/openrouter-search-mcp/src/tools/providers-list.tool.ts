import { pageInput, pageNumberCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';

export const listProviders = defineOpenrouterSearchTool({
  name: 'list_providers',
  toolset: 'providers',
  title: 'List OpenRouter providers',
  description:
    'The inference providers OpenRouter routes to (GET /providers): name, slug (for provider routing), headquarters, ' +
    'datacenter countries, privacy policy, terms and status page. Filter by text over name/slug or by datacenter ' +
    'country; paged with cursor/limit.',
  input: z.object({
    query: z.string().optional().describe('Text in the name or slug, e.g. "together".'),
    datacenter: z.string().length(2).optional().describe('ISO 3166-1 alpha-2 country code the provider has a datacenter in, e.g. "DE".'),
    ...pageInput({ defaultLimit: 30, maxLimit: 100 }),
  }),
  output: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        name: z.string(),
        slug: z.string(),
        headquarters: z.string().nullable(),
        datacenters: z.array(z.string()),
        privacyPolicyUrl: z.string().nullable(),
        termsOfServiceUrl: z.string().nullable(),
        statusPageUrl: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ query, datacenter, cursor, limit }, ctx) => {
    const page = pageNumberCursor.read(cursor);
    const text = query?.trim().toLowerCase();
    const country = datacenter?.toUpperCase();
    const matching = (await ctx.api.providers())
      .filter((provider) => !text || `${provider.name} ${provider.slug}`.toLowerCase().includes(text))
      .filter((provider) => !country || (provider.datacenters ?? []).map((code) => code.toUpperCase()).includes(country))
      .sort((a, b) => a.name.localeCompare(b.name));
    const start = (page - 1) * limit;
    return {
      total: matching.length,
      items: matching.slice(start, start + limit).map((provider) => ({
        name: provider.name,
        slug: provider.slug,
        headquarters: provider.headquarters ?? null,
        datacenters: provider.datacenters ?? [],
        privacyPolicyUrl: provider.privacy_policy_url ?? null,
        termsOfServiceUrl: provider.terms_of_service_url ?? null,
        statusPageUrl: provider.status_page_url ?? null,
      })),
      nextCursor: pageNumberCursor.next(page, start + limit < matching.length),
    };
  },
});
