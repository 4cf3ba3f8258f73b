import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { issueFilter } from '../filters';
import { ISSUE_FIELDS, compactIssue, issueOutput, type IssueNode } from '../shapes';

const LIST_ISSUES = `
query ListIssues($first: Int!, $after: String, $filter: IssueFilter, $orderBy: PaginationOrderBy, $includeArchived: Boolean) {
  issues(first: $first, after: $after, filter: $filter, orderBy: $orderBy, includeArchived: $includeArchived) {
    nodes { ${ISSUE_FIELDS} }
    ${PAGE_INFO}
  }
}`;

interface IssuesPage {
  issues: { nodes: IssueNode[]; pageInfo: PageInfo };
}

const text = (what: string) => z.string().trim().min(1).max(200).optional().describe(what);

export const listIssues = defineLinearTool({
  name: 'list_issues',
  toolset: 'issues',
  title: 'List issues',
  description:
    'Lists issues across the workspace, filtered by team, workflow state, assignee ("me" for the key\'s owner), ' +
    'label, project, cycle and title text; most recently updated first. Use it to triage or to find an identifier, ' +
    'then read one with get_issue. Returns { items, nextCursor } with id, identifier, title, state, priority, ' +
    'assignee, team key, project, labels (first 10), dates and url; no descriptions. Up to 100 per page; ' +
    'archived issues only with includeArchived.',
  input: z.object({
    team: text('Team key (e.g. "ENG"), team name, or team id.'),
    state: text('Workflow state name, e.g. "In Progress" (case-insensitive); see list_issue_statuses.'),
    stateType: z
      .enum(['triage', 'backlog', 'unstarted', 'started', 'completed', 'canceled'])
      .optional()
      .describe('Workflow state category, the same in every team (e.g. "started" for all in-progress states).'),
    assignee: text('"me", "none" (unassigned), a user\'s name, display name, email, or user id.'),
    label: text('Only issues carrying this label name (case-insensitive).'),
    project: text('Project name (case-insensitive) or project id.'),
    cycle: text('Cycle: "current", "next" or "previous" (of each team), a cycle number, or a cycle id (see list_cycles).'),
    query: text('Only issues whose title contains this text (case-insensitive).'),
    orderBy: z.enum(['updatedAt', 'createdAt']).default('updatedAt').describe('Sort order, newest first (default updatedAt).'),
    includeArchived: z.boolean().default(false).describe('Include archived issues (default false).'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(issueOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { issues } = await ctx.linear.query<IssuesPage>(
      LIST_ISSUES,
      {
        first: input.limit, after: tokenCursor.read(input.cursor),
        filter: issueFilter(input),
        orderBy: input.orderBy,
        includeArchived: input.includeArchived,
      },
    );
    return { items: issues.nodes.map(compactIssue), nextCursor: relayNextCursor(issues.pageInfo) };
  },
});
