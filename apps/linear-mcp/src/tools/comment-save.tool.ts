import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { issueRef, uuid } from '../inputs';
import { COMMENT_FIELDS, commentOutput, compactComment, type CommentNode } from '../shapes';

const CREATE_COMMENT = `
mutation CreateComment($input: CommentCreateInput!) {
  commentCreate(input: $input) { success comment { ${COMMENT_FIELDS} } }
}`;

const UPDATE_COMMENT = `
mutation UpdateComment($id: String!, $input: CommentUpdateInput!) {
  commentUpdate(id: $id, input: $input) { success comment { ${COMMENT_FIELDS} } }
}`;

type CommentPayload = { success: boolean; comment?: CommentNode | null };

export const saveComment = defineLinearTool({
  name: 'save_comment',
  toolset: 'comments',
  title: 'Comment on an issue, or edit a comment',
  description:
    'Adds a comment to an issue (issueId and body; parentId replies in a thread) or, with id, replaces the ' +
    'body of an existing comment. Use it only when the user asked to comment; each create posts a new comment ' +
    '(not idempotent). Returns the comment (id, author, body, parentId, url, dates) and action "created" or "updated".',
  input: z.object({
    id: uuid('Comment id to edit; omit to post a new comment.').optional(),
    issueId: issueRef.optional().describe('Issue to comment on ("ENG-123" or UUID); required for a new comment.'),
    body: z.string().trim().min(1).max(100_000).describe('Comment text in Markdown.'),
    parentId: uuid('Comment id to reply to (a thread reply).').optional(),
  }),
  output: commentOutput.extend({ action: z.enum(['created', 'updated']) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async ({ id, issueId, body, parentId }, ctx) => {
    if (id !== undefined) {
      if (issueId !== undefined || parentId !== undefined) {
        throw ToolError.invalidInput('an edit changes only the body: omit issueId and parentId when passing id');
      }
      const { commentUpdate } = await ctx.linear.mutate<{ commentUpdate: CommentPayload }>(
        UPDATE_COMMENT,
        { id, input: { body } },
      );
      return { action: 'updated', ...compactComment(savedComment(commentUpdate)) };
    }
    if (issueId === undefined) throw ToolError.invalidInput('a new comment needs issueId (or pass id to edit a comment)');
    const { commentCreate } = await ctx.linear.mutate<{ commentCreate: CommentPayload }>(
      CREATE_COMMENT,
      { input: { issueId, body, parentId } },
    );
    return { action: 'created', ...compactComment(savedComment(commentCreate)) };
  },
});

function savedComment(payload: CommentPayload): CommentNode {
  if (!payload.success || !payload.comment) throw new ToolError('upstream_error', 'Linear did not save the comment (success: false).');
  return payload.comment;
}
