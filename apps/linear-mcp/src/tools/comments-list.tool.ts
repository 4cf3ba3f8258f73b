import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { issueRef } from '../inputs';
import { COMMENT_FIELDS, commentOutput, compactComment, type CommentNode } from '../shapes';

// Through the issue, so an identifier like "ENG-123" works and an unknown issue is a clear not_found.
const LIST_COMMENTS = `
query ListComments($id: String!, $first: Int!, $after: String) {
  issue(id: $id) {
    comments(first: $first, after: $after) {
      nodes { ${COMMENT_FIELDS} }
      ${PAGE_INFO}
    }
  }
}`;

interface CommentsPage {
  issue: { comments: { nodes: CommentNode[]; pageInfo: PageInfo } };
}

export const listComments = defineLinearTool({
  name: 'list_comments',
  toolset: 'comments',
  title: 'List comments on an issue',
  description:
    'Lists the comments on one issue (identifier like "ENG-123" or id), replies included (parentId names the ' +
    'comment they answer). Use it to read a long discussion past what get_issue includes: pass get_issue\'s ' +
    'moreCommentsCursor as cursor. Returns { items, nextCursor } with id, author, body (cut at 4000 characters ' +
    'with a marker), parentId, url and dates; up to 100 per page.',
  input: z.object({ issueId: issueRef, ...pageInput({ defaultLimit: 25 }) }),
  output: pageOutput(commentOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { issue } = await ctx.linear.query<CommentsPage>(
      LIST_COMMENTS,
      { id: input.issueId, first: input.limit, after: tokenCursor.read(input.cursor) },
    );
    return { items: issue.comments.nodes.map(compactComment), nextCursor: relayNextCursor(issue.comments.pageInfo) };
  },
});
