import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { teamFilter } from '../filters';
import { PROJECT_FIELDS, compactProject, projectOutput, type ProjectNode } from '../shapes';

const LIST_PROJECTS = `
query ListProjects($first: Int!, $after: String, $filter: ProjectFilter, $includeArchived: Boolean) {
  projects(first: $first, after: $after, filter: $filter, includeArchived: $includeArchived, orderBy: updatedAt) {
    nodes { ${PROJECT_FIELDS} }
    ${PAGE_INFO}
  }
}`;

export const listProjects = defineLinearTool({
  name: 'list_projects',
  toolset: 'projects',
  title: 'List projects',
  description:
    'Lists projects, most recently updated first, optionally only those of a team, with a status type, or ' +
    'whose name contains some text. Use it to find a project for list_issues or the projectId save_issue ' +
    'takes; get_project reads one in full. Returns { items, nextCursor } with id, name, summary (cut at 500 ' +
    'characters), status, lead, progress (0-1), health, start/target dates, team keys (first 5) and url; up to ' +
    '100 per page.',
  input: z.object({
    team: z.string().trim().min(1).max(200).optional().describe('Only projects of this team: key (e.g. "ENG"), name, or id.'),
    statusType: z
      .enum(['backlog', 'planned', 'started', 'paused', 'completed', 'canceled'])
      .optional()
      .describe('Only projects whose status is of this type.'),
    query: z.string().trim().min(1).max(200).optional().describe('Only projects whose name contains this text (case-insensitive).'),
    includeArchived: z.boolean().default(false).describe('Include archived projects (default false).'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(projectOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const filter = {
      ...(input.team ? { accessibleTeams: { some: teamFilter(input.team) } } : {}),
      ...(input.statusType ? { status: { type: { eq: input.statusType } } } : {}),
      ...(input.query ? { name: { containsIgnoreCase: input.query } } : {}),
    };
    const { projects } = await ctx.linear.query<{ projects: { nodes: ProjectNode[]; pageInfo: PageInfo } }>(
      LIST_PROJECTS,
      { first: input.limit, after: tokenCursor.read(input.cursor), filter: Object.keys(filter).length ? filter : undefined, includeArchived: input.includeArchived },
    );
    return { items: projects.nodes.map(compactProject), nextCursor: relayNextCursor(projects.pageInfo) };
  },
});
