import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';

interface Workspace {
  gid: string;
  name: string;
  is_organization?: boolean;
}

export const listWorkspaces = defineAsanaTool({
  name: 'list_workspaces',
  toolset: 'workspaces',
  title: 'List workspaces',
  description:
    'Lists the Asana workspaces and organizations the token can see. Use it first to find the workspace gid ' +
    'that search_tasks and create_task need. Returns a page of { gid, name, isOrganization } plus nextCursor; ' +
    'up to 100 per page.',
  input: z.object({ ...pageInput() }),
  output: pageOutput(z.object({ gid: z.string(), name: z.string(), isOrganization: z.boolean() })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.list<Workspace>('workspaces', {
      query: { limit: input.limit, offset: tokenCursor.read(input.cursor), opt_fields: 'name,is_organization' },
      signal: ctx.signal,
    });
    return {
      items: page.items.map((workspace) => ({
        gid: workspace.gid,
        name: workspace.name,
        isOrganization: workspace.is_organization ?? false,
      })),
      nextCursor: tokenCursor.next(page.nextOffset),
    };
  },
});
