import { capText, listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import { filePath } from '../figma-api';
import type { FigmaUser } from '../figma-responses';
import { resolveTarget } from '../figma-url';
import { fileInput, nodeIdInput } from '../inputs';

const MESSAGE_MAX_CHARS = 2_000;

interface FigmaComment {
  id: string;
  message: string;
  created_at: string;
  resolved_at?: string | null;
  parent_id?: string;
  user: FigmaUser;
  client_meta?: { node_id?: string } | null;
  reactions?: unknown[];
}

export const listCommentsOutput = listPageOutput(
  z.object({
    id: z.string(),
    author: z.string(),
    message: z.string(),
    createdAt: z.string(),
    resolved: z.boolean(),
    nodeId: z.string().nullable(),
    parentId: z.string().nullable(),
    reactions: z.number(),
  }),
);

export const listComments = defineFigmaContextTool({
  name: 'list_comments',
  toolset: 'comments',
  title: 'List comments',
  description:
    'The comments on a Figma file (as Markdown): author handle, message, date, resolved or not, the node a comment is ' +
    'pinned to, and parentId for replies. Use it for review feedback on a design before coding it. nodeId (or the ' +
    'node-id of the URL) keeps only the comments pinned to that node; unresolvedOnly drops resolved threads. Messages ' +
    `over ${MESSAGE_MAX_CHARS} characters are cut with a marker. Paged: limit (default 50) and nextCursor.`,
  input: z.object({
    file: fileInput(),
    nodeId: nodeIdInput('Only comments pinned to this node.'),
    unresolvedOnly: z.boolean().default(false).describe('Leave out resolved comments (default false).'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: listCommentsOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey, nodeId } = resolveTarget(input.file, input.nodeId);
    const body = await ctx.figma.get<{ comments: FigmaComment[] }>(filePath(fileKey, '/comments'), {
      query: { as_md: true },
      scope: 'file_comments:read',
      expect: 'comments',
    });
    const comments = body.comments
      .filter((comment) => !nodeId || comment.client_meta?.node_id === nodeId)
      .filter((comment) => !input.unresolvedOnly || !comment.resolved_at)
      .map((comment) => ({
        id: comment.id,
        author: comment.user?.handle ?? '',
        message: capText(comment.message, MESSAGE_MAX_CHARS),
        createdAt: comment.created_at,
        resolved: Boolean(comment.resolved_at),
        nodeId: comment.client_meta?.node_id ?? null,
        parentId: comment.parent_id || null,
        reactions: comment.reactions?.length ?? 0,
      }));
    return pageOfList(comments, input.cursor, input.limit);
  },
});
