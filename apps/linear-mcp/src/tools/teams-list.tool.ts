import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';

const LIST_TEAMS = `
query ListTeams($first: Int!, $after: String, $filter: TeamFilter) {
  teams(first: $first, after: $after, filter: $filter) {
    nodes { id key name description private }
    ${PAGE_INFO}
  }
}`;

interface TeamsPage {
  teams: {
    nodes: Array<{ id: string; key: string; name: string; description?: string | null; private: boolean }>;
    pageInfo: PageInfo;
  };
}

const teamOutput = z.object({
  id: z.string().describe('teamId for save_issue.'),
  key: z.string().describe('Prefix of issue identifiers, e.g. "ENG".'),
  name: z.string(),
  description: z.string().nullable(),
  private: z.boolean(),
});

export const listTeams = defineLinearTool({
  name: 'list_teams',
  toolset: 'teams',
  title: 'List teams',
  description:
    'Lists the Linear teams the key can see: id, key (the prefix of issue identifiers, e.g. "ENG"), name, ' +
    'description and whether the team is private. Use it first to learn team keys and the teamId that ' +
    'save_issue needs; filter by name with query. Returns { items, nextCursor }; up to 100 per page.',
  input: z.object({
    query: z.string().min(1).max(100).optional().describe('Only teams whose name contains this text (case-insensitive).'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(teamOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const filter = input.query ? { name: { containsIgnoreCase: input.query } } : undefined;
    const { teams } = await ctx.linear.query<TeamsPage>(LIST_TEAMS, { first: input.limit, after: tokenCursor.read(input.cursor), filter });
    return {
      items: teams.nodes.map((team) => ({
        id: team.id,
        key: team.key,
        name: team.name,
        description: team.description ?? null,
        private: team.private,
      })),
      nextCursor: relayNextCursor(teams.pageInfo),
    };
  },
});
