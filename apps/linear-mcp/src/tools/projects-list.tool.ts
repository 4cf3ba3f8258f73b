import { capText, pageInput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { teamFilter } from '../filters';

/** Only the first few team keys per project: a nested connection costs its page size in complexity. */
const TEAMS_PER_PROJECT = 5;
const SUMMARY_MAX_CHARS = 500;

const LIST_PROJECTS = `
query ListProjects($first: Int!, $after: String, $filter: ProjectFilter, $includeArchived: Boolean) {
  projects(first: $first, after: $after, filter: $filter, includeArchived: $includeArchived, orderBy: updatedAt) {
    nodes {
      id name description url progress health startDate targetDate updatedAt
      status { name type }
      lead { name }
      teams(first: ${TEAMS_PER_PROJECT}) { nodes { key } }
    }
    ${PAGE_INFO}
  }
}`;

interface ProjectNode {
  id: string;
  name: string;
  description: string;
  url: string;
  progress: number;
  health?: string | null;
  startDate?: string | null;
  targetDate?: string | null;
  updatedAt: string;
  status: { name: string; type: string };
  lead?: { name: string } | null;
  teams: { nodes: Array<{ key: string }> };
}

export const listProjects = defineLinearTool({
  name: 'list_projects',
  toolset: 'projects',
  title: 'List projects',
  description:
    'Lists projects, most recently updated first, optionally only those of a team, with a status type, or ' +
    'whose name contains some text. Use it to find a project for list_issues or the projectId save_issue ' +
    'takes. Returns { items, nextCursor } with id, name, summary (cut at 500 characters), status, lead, ' +
    'progress (0-1), health, start/target dates, team keys (first 5) and url; up to 100 per page.',
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
    return {
      items: projects.nodes.map((project) => ({
        id: project.id,
        name: project.name,
        summary: capText(project.description, SUMMARY_MAX_CHARS),
        status: project.status.name,
        statusType: project.status.type,
        lead: project.lead?.name ?? null,
        progress: project.progress,
        health: project.health ?? null,
        startDate: project.startDate ?? null,
        targetDate: project.targetDate ?? null,
        teams: project.teams.nodes.map((team) => team.key),
        url: project.url,
        updatedAt: project.updatedAt,
      })),
      nextCursor: relayNextCursor(projects.pageInfo),
    };
  },
});
