import { isFullComment } from '@notionhq/client';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId } from '../inputs';
import { markdownToRichText } from '../markdown/inline';

export const createComment = defineNotionTool({
  name: 'create_comment',
  toolset: 'comments',
  title: 'Comment on a page',
  description:
    'Adds a comment to a page, or a reply to an existing discussion thread (discussionId). Inline Markdown works ' +
    '(**bold**, *italic*, `code`, [links](https://…)). The integration needs the "insert comments" capability. ' +
    'Each call posts a new comment (not idempotent). Returns { id, discussionId, createdTime }.',
  input: z
    .object({
      pageId: notionId('page').optional().describe('Page to comment on (id or notion.so URL); give this or discussionId.'),
      discussionId: notionId('discussion').optional().describe('Reply in this discussion thread instead of starting a new one on the page.'),
      text: z.string().min(1).max(10_000).describe('Comment text; inline Markdown allowed.'),
    })
    .refine((input) => (input.pageId === undefined) !== (input.discussionId === undefined), {
      message: 'give exactly one of pageId or discussionId',
      path: ['pageId'],
    }),
  output: z.object({ id: z.string(), discussionId: z.string().optional(), createdTime: z.string().optional() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const rich_text = markdownToRichText(input.text);
    const comment = await ctx
      .notion
      .comments.create(
        input.discussionId ? { discussion_id: input.discussionId, rich_text } : { parent: { page_id: input.pageId as string }, rich_text },
      );
    return isFullComment(comment)
      ? { id: comment.id, discussionId: comment.discussion_id, createdTime: comment.created_time }
      : { id: comment.id };
  },
});
