import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { teamFilter } from '../filters';

const LIST_LABELS = `
query ListIssueLabels($first: Int!, $after: String, $filter: IssueLabelFilter, $includeArchived: Boolean) {
  issueLabels(first: $first, after: $after, filter: $filter, includeArchived: $includeArchived) {
    nodes { id name color description isGroup parent { name } team { key } }
    ${PAGE_INFO}
  }
}`;

interface LabelNode {
  id: string;
  name: string;
  color: string;
  description?: string | null;
  isGroup: boolean;
  parent?: { name: string } | null;
  team?: { key: string } | null;
}

const labelOutput = z.object({
  id: z.string().describe('A label id for save_issue labelIds.'),
  name: z.string(),
  color: z.string(),
  description: z.string().nullable(),
  group: z.string().nullable().describe('The label group this label belongs to (only one label per group fits an issue).'),
  isGroup: z.boolean().describe('A group is not applied to issues itself; its child labels are.'),
  team: z.string().nullable().describe('Team key; null for a workspace label, usable in every team.'),
});

export const listIssueLabels = defineLinearTool({
  name: 'list_issue_labels',
  toolset: 'issues',
  title: 'List issue labels',
  description:
    'Lists the labels issues can carry: id, name, color, description, group and team (null for workspace ' +
    'labels). Use it to find the labelIds save_issue takes; with team, it lists the labels usable on that ' +
    "team's issues (the team's own plus workspace labels). Returns { items, nextCursor }; up to 100 per page.",
  input: z.object({
    team: z.string().trim().min(1).max(200).optional().describe('Team key (e.g. "ENG"), team name, or team id.'),
    query: z.string().trim().min(1).max(200).optional().describe('Only labels whose name contains this text (case-insensitive).'),
    includeArchived: z.boolean().default(false).describe('Include archived labels (default false).'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(labelOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const filters = [
      // A team's issues take its own labels and the workspace's (labels without a team).
      ...(input.team ? [{ or: [{ team: teamFilter(input.team) }, { team: { null: true } }] }] : []),
      ...(input.query ? [{ name: { containsIgnoreCase: input.query } }] : []),
    ];
    const { issueLabels } = await ctx.linear.query<{ issueLabels: { nodes: LabelNode[]; pageInfo: PageInfo } }>(LIST_LABELS, {
      first: input.limit,
      after: tokenCursor.read(input.cursor),
      filter: filters.length > 1 ? { and: filters } : filters[0],
      includeArchived: input.includeArchived,
    });
    return {
      items: issueLabels.nodes.map((label) => ({
        id: label.id,
        name: label.name,
        color: label.color,
        description: label.description ?? null,
        group: label.parent?.name ?? null,
        isGroup: label.isGroup,
        team: label.team?.key ?? null,
      })),
      nextCursor: relayNextCursor(issueLabels.pageInfo),
    };
  },
});
