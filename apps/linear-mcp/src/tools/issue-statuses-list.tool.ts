import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { teamFilter } from '../filters';

const LIST_STATUSES = `
query ListIssueStatuses($first: Int!, $after: String, $filter: WorkflowStateFilter) {
  workflowStates(first: $first, after: $after, filter: $filter) {
    nodes { id name type color position team { key } }
    ${PAGE_INFO}
  }
}`;

interface StatusesPage {
  workflowStates: {
    nodes: Array<{ id: string; name: string; type: string; color: string; position: number; team?: { key: string } | null }>;
    pageInfo: PageInfo;
  };
}

const statusOutput = z.object({
  id: z.string().describe('stateId for save_issue.'),
  name: z.string(),
  type: z.string().describe('triage, backlog, unstarted, started, completed or canceled.'),
  color: z.string(),
  team: z.string().nullable().describe('Team key.'),
});

export const listIssueStatuses = defineLinearTool({
  name: 'list_issue_statuses',
  toolset: 'issues',
  title: 'List issue statuses (workflow states)',
  description:
    'Lists the workflow states issues move through, per team: id, name (e.g. "In Progress"), type (triage, ' +
    'backlog, unstarted, started, completed, canceled), color and team key, in board order within a page. Use ' +
    'it to find the stateId that save_issue needs, or the state names list_issues filters on; pass team to see ' +
    'one team\'s states. Returns { items, nextCursor }; up to 100 per page.',
  input: z.object({
    team: z.string().trim().min(1).max(200).optional().describe('Team key (e.g. "ENG"), team name, or team id.'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(statusOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const filter = input.team ? { team: teamFilter(input.team) } : undefined;
    const { workflowStates } = await ctx.linear.query<StatusesPage>(
      LIST_STATUSES,
      { first: input.limit, after: tokenCursor.read(input.cursor), filter },
    );
    // Board order: by team, then by position within the team.
    const items = [...workflowStates.nodes]
      .sort((a, b) => (a.team?.key ?? '').localeCompare(b.team?.key ?? '') || a.position - b.position)
      .map((state) => ({ id: state.id, name: state.name, type: state.type, color: state.color, team: state.team?.key ?? null }));
    return { items, nextCursor: relayNextCursor(workflowStates.pageInfo) };
  },
});
