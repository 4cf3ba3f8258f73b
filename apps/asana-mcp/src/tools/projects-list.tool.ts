import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { workspaceOrTeam, workspaceOrTeamQuery } from '../inputs';
import { PROJECT_SUMMARY_FIELDS, compactProjectSummary, projectSummaryOutput, type ProjectSummaryLike } from '../shapes';

export const listProjects = defineAsanaTool({
  name: 'list_projects',
  toolset: 'projects',
  title: 'List projects',
  description:
    'Lists the Asana projects of a workspace or of one team (give exactly one of workspaceGid or teamGid; in big ' +
    'organizations prefer a team, Asana can time out listing a whole workspace). Use it to find a project gid by ' +
    'name for list_project_tasks, list_sections, search_tasks or create_task. Active projects only unless ' +
    'includeArchived. Returns a page of projects (gid, name, archived, owner, team, modifiedAt, url) plus ' +
    'nextCursor; up to 100 per page.',
  input: workspaceOrTeam.extend({
    includeArchived: z.boolean().default(false).describe('Also list archived projects (default false: active ones only).'),
    ...pageInput(),
  }),
  output: pageOutput(projectSummaryOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.list<ProjectSummaryLike>('projects', {
      query: {
        ...workspaceOrTeamQuery(input),
        // Asana's archived filter matches one value; leaving it out lists both.
        archived: input.includeArchived ? undefined : false,
        limit: input.limit,
        offset: tokenCursor.read(input.cursor),
        opt_fields: PROJECT_SUMMARY_FIELDS,
      },
      signal: ctx.signal,
    });
    return { items: page.items.map(compactProjectSummary), nextCursor: tokenCursor.next(page.nextOffset) };
  },
});
