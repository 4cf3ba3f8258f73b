import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';
import { STORY_FIELDS, compactStory, storyOutput, type StoryLike } from '../shapes';

export const addComment = defineAsanaTool({
  name: 'add_comment',
  toolset: 'tasks',
  title: 'Comment on a task',
  description:
    'Adds a plain-text comment to an Asana task; followers of the task are notified. Use it only when the user ' +
    'asked to comment; each call posts a new comment (not idempotent, never retried). Returns the comment ' +
    '(gid, author, createdAt, text).',
  input: z.object({
    taskGid: gid('task'),
    text: z.string().min(1).max(65_000).describe('Comment text (plain text).'),
  }),
  output: storyOutput.omit({ type: true }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async ({ taskGid, text }, ctx) => {
    const story = await ctx.api.post<StoryLike>(`tasks/${encodeURIComponent(taskGid)}/stories`, { text }, {
      query: { opt_fields: STORY_FIELDS },
      signal: ctx.signal,
    });
    const { type: _type, ...comment } = compactStory(story);
    return comment;
  },
});
