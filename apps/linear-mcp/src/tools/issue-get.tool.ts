import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { issueRef } from '../inputs';
import { COMMENT_FIELDS, ISSUE_FIELDS, commentOutput, compactComment, compactIssue, issueOutput, type CommentNode, type IssueNode } from '../shapes';

const DESCRIPTION_MAX_CHARS = 20_000;
/** Relations each way: a nested connection costs its page size in complexity. */
const RELATIONS_PER_ISSUE = 10;

type LinkedIssue = { identifier: string; title: string };

/** Linear stores "A blocks B" once; read from B it is "blocked_by A" (the words relate_issues takes). */
const OUTGOING: Record<string, string> = { blocks: 'blocks', duplicate: 'duplicate_of', related: 'related', similar: 'similar' };
const INCOMING: Record<string, string> = { blocks: 'blocked_by', duplicate: 'duplicated_by', related: 'related', similar: 'similar' };

// One request for the issue and its first comments; @include skips the comments when none are wanted.
const GET_ISSUE = `
query GetIssue($id: String!, $commentsFirst: Int!, $withComments: Boolean!) {
  issue(id: $id) {
    ${ISSUE_FIELDS}
    description
    creator { name }
    parent { identifier }
    relations(first: ${RELATIONS_PER_ISSUE}) { nodes { type relatedIssue { identifier title } } }
    inverseRelations(first: ${RELATIONS_PER_ISSUE}) { nodes { type issue { identifier title } } }
    comments(first: $commentsFirst) @include(if: $withComments) {
      nodes { ${COMMENT_FIELDS} }
      ${PAGE_INFO}
    }
  }
}`;

interface IssueDetail extends IssueNode {
  description?: string | null;
  creator?: { name: string } | null;
  parent?: { identifier: string } | null;
  comments?: { nodes: CommentNode[]; pageInfo: PageInfo };
  relations?: { nodes: Array<{ type: string; relatedIssue: LinkedIssue }> };
  inverseRelations?: { nodes: Array<{ type: string; issue: LinkedIssue }> };
}

export const getIssue = defineLinearTool({
  name: 'get_issue',
  toolset: 'issues',
  title: 'Get an issue with its comments',
  description:
    'Reads one issue by identifier (e.g. "ENG-123") or id: title, state, priority, assignee, creator, team, ' +
    'project, labels, parent, relations (blocks, blocked_by, related, duplicate_of…), dates, url, the Markdown ' +
    'description and its first comments. Use it after ' +
    `list_issues or when given an identifier. The description is cut at ${DESCRIPTION_MAX_CHARS} characters and ` +
    'each comment at 4000, with a marker; at most commentLimit comments (default 20, max 100) are included, and ' +
    'when there are more, moreCommentsCursor continues them with list_comments.',
  input: z.object({
    id: issueRef,
    commentLimit: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(20)
      .describe('How many comments to include (0-100, default 20).'),
  }),
  output: issueOutput.extend({
    creator: z.string().nullable(),
    parent: z.string().nullable().describe('Identifier of the parent issue.'),
    description: z.string().nullable().describe(`Markdown, cut at ${DESCRIPTION_MAX_CHARS} characters with a marker.`),
    relations: z
      .array(z.object({ type: z.string().describe('blocks, blocked_by, related, duplicate_of, duplicated_by or similar.'), identifier: z.string(), title: z.string() }))
      .describe(`How this issue relates to others (first ${RELATIONS_PER_ISSUE} each way).`),
    comments: z.array(commentOutput),
    moreCommentsCursor: z.string().optional().describe('Pass as cursor to list_comments for the rest; absent when none.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { issue } = await ctx.linear.query<{ issue: IssueDetail }>(
      GET_ISSUE,
      { id: input.id, commentsFirst: Math.max(input.commentLimit, 1), withComments: input.commentLimit > 0 },
    );
    return {
      ...compactIssue(issue),
      creator: issue.creator?.name ?? null,
      parent: issue.parent?.identifier ?? null,
      description: capText(issue.description, DESCRIPTION_MAX_CHARS),
      relations: [
        ...(issue.relations?.nodes ?? []).map(({ type, relatedIssue }) => ({ type: OUTGOING[type] ?? type, ...relatedIssue })),
        ...(issue.inverseRelations?.nodes ?? []).map(({ type, issue: other }) => ({ type: INCOMING[type] ?? type, ...other })),
      ],
      comments: (issue.comments?.nodes ?? []).map(compactComment),
      moreCommentsCursor: issue.comments ? relayNextCursor(issue.comments.pageInfo) : undefined,
    };
  },
});
