import type { CommentObjectResponse } from '@notionhq/client';
import { capText, pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId } from '../inputs';
import { richTextToMarkdown } from '../markdown/inline';

/** Comments are capped one by one so a single huge comment cannot crowd out the rest. */
const COMMENT_MAX_CHARS = 4_000;

const commentOutput = z.object({
  id: z.string(),
  discussionId: z.string().describe('The thread; pass it to create_comment to reply.'),
  author: z.string().nullable().describe("The name Notion shows for the comment's author."),
  authorId: z.string().describe('The user or bot id of the author (see list_users).'),
  text: z.string().describe(`Inline Markdown, cut at ${COMMENT_MAX_CHARS} characters with a marker.`),
  attachments: z.number().describe('How many files are attached.'),
  createdTime: z.string(),
  lastEditedTime: z.string(),
});

function compactComment(comment: CommentObjectResponse): z.infer<typeof commentOutput> {
  return {
    id: comment.id,
    discussionId: comment.discussion_id,
    author: comment.display_name?.resolved_name ?? null,
    authorId: comment.created_by.id,
    text: capText(richTextToMarkdown(comment.rich_text), COMMENT_MAX_CHARS),
    attachments: comment.attachments?.length ?? 0,
    createdTime: comment.created_time,
    lastEditedTime: comment.last_edited_time,
  };
}

export const listComments = defineNotionTool({
  name: 'list_comments',
  toolset: 'comments',
  title: 'List comments on a page or block',
  description:
    'Lists the open (unresolved) comments on a page, or on one block of it: id, discussionId ' +
    '(the thread), author name and id, text as inline Markdown (cut at 4000 characters), attachment count and ' +
    'times. Comments on a block (inline comments) are listed with that block\'s id, not the page\'s. The ' +
    'integration needs the "read comments" capability; Notion does not return resolved comments. Returns ' +
    '{ items, nextCursor }; up to 100 per page.',
  input: z.object({
    blockId: notionId('page or block'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(commentOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const response = await ctx.notion.comments.list({
      block_id: input.blockId,
      start_cursor: tokenCursor.read(input.cursor),
      page_size: input.limit,
    });
    return {
      items: response.results.map(compactComment),
      nextCursor: tokenCursor.next(response.has_more ? response.next_cursor : undefined),
    };
  },
});
