import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { fetchPage, listOutput, workspaceId } from '../paging';

/** Portkey's PromptSummary (GET /prompts). */
interface PortkeyPromptSummary {
  id: string;
  slug?: string;
  name?: string;
  collection_id?: string;
  model?: string;
  status?: string;
  last_updated_at?: string;
}

export const listPrompts = definePortkeyAdminTool({
  name: 'list_prompts',
  toolset: 'prompts',
  title: 'List prompt templates',
  description:
    'Lists Portkey prompt templates: id, slug, name, collection, model, status, last update; optionally only those ' +
    'matching search or in one collection. Use the id or slug with render_prompt. Paged with nextCursor. Needs the ' +
    'prompts.list scope.',
  input: z.object({
    search: z.string().min(1).max(200).optional().describe('Text to look for in prompt names.'),
    collectionId: z.string().min(1).max(200).optional().describe('Only prompts of this collection (id or slug).'),
    workspaceId,
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listOutput(z.object({
      id: z.string(),
      slug: z.string().optional(),
      name: z.string().optional(),
      collectionId: z.string().optional(),
      model: z.string().optional(),
      status: z.string().optional(),
      lastUpdatedAt: z.string().optional(),
    })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ search, collectionId, workspaceId: workspace, cursor, limit }, ctx) =>
    fetchPage(ctx.api, 'prompts', { cursor, limit, query: { search, collection_id: collectionId, workspace_id: workspace }, scope: 'prompts.list' }, (prompt: PortkeyPromptSummary) => ({
      id: prompt.id,
      slug: prompt.slug,
      name: prompt.name,
      collectionId: prompt.collection_id,
      model: prompt.model,
      status: prompt.status,
      lastUpdatedAt: prompt.last_updated_at,
    })),
});
