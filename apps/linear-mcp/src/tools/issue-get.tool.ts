import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { issueRef } from '../inputs';
import { COMMENT_FIELDS, ISSUE_FIELDS, compactComment, compactIssue, type CommentNode, type IssueNode } from '../shapes';

const DESCRIPTION_MAX_CHARS = 20_000;

// One request for the issue and its first comments; @include skips the comments when none are wanted.
const GET_ISSUE = `
query GetIssue($id: String!, $commentsFirst: Int!, $withComments: Boolean!) {
  issue(id: $id) {
    ${ISSUE_FIELDS}
    description
    creator { name }
    parent { identifier }
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
}

export const getIssue = defineLinearTool({
  name: 'get_issue',
  toolset: 'issues',
  title: 'Get an issue with its comments',
  description:
    'Reads one issue by identifier (e.g. "ENG-123") or id: title, state, priority, assignee, creator, team, ' +
    'project, labels, parent, dates, url, the Markdown description and its first comments. Use it after ' +
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
      comments: (issue.comments?.nodes ?? []).map(compactComment),
      moreCommentsCursor: issue.comments ? relayNextCursor(issue.comments.pageInfo) : undefined,
    };
  },
});
