import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';
import {
  NOTES_MAX_CHARS,
  STORY_FIELDS,
  STORY_MAX_CHARS,
  SUBTASK_FIELDS,
  TASK_DETAIL_FIELDS,
  compactStory,
  compactSubtask,
  compactTask,
  storyOutput,
  subtaskOutput,
  taskOutput,
  type StoryLike,
  type TaskDetailLike,
  type TaskSummaryLike,
} from '../shapes';

/** One page of stories is all we read: Asana's maximum page size. */
const STORIES_PAGE = 100;

export const getTask = defineAsanaTool({
  name: 'get_task',
  toolset: 'tasks',
  title: 'Get a task with subtasks and comments',
  description:
    'Reads one Asana task: name, notes, completion, assignee, dates, projects and sections, tags, custom field ' +
    'values, parent, its subtasks, and its comments oldest first. Use it after search_tasks or ' +
    'list_project_tasks, or when given a task gid or URL. Only comments are returned by default; ' +
    'includeActivity adds system stories (assignments, due-date changes, …). Limits: notes cut at ' +
    `${NOTES_MAX_CHARS} characters and each story at ${STORY_MAX_CHARS}, with a marker; at most storyLimit stories ` +
    `(default 20, max 50) from the first ${STORIES_PAGE} and subtaskLimit subtasks (default 50, max 100); ` +
    'moreStories says when some were left out and moreSubtasks how many.',
  input: z.object({
    taskGid: gid('task'),
    storyLimit: z.number().int().min(0).max(50).default(20).describe('How many comments (or stories) to include, oldest first (0-50, default 20; 0 skips them).'),
    includeActivity: z.boolean().default(false).describe('Also include system stories (assignments, status and date changes), not only comments.'),
    subtaskLimit: z.number().int().min(0).max(100).default(50).describe('How many subtasks to include (0-100, default 50; 0 skips them).'),
  }),
  output: taskOutput.extend({
    subtasks: z.array(subtaskOutput),
    moreSubtasks: z.number().int().describe('How many subtasks were left out.'),
    stories: z.array(storyOutput),
    moreStories: z.boolean().describe('Whether some comments (or stories) were left out.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const path = `tasks/${encodeURIComponent(input.taskGid)}`;
    const none = { items: [], nextOffset: undefined };
    // Three independent reads; the subtask and story requests are skipped when not wanted.
    const [task, subtasks, stories] = await Promise.all([
      ctx.api.get<TaskDetailLike>(path, { query: { opt_fields: TASK_DETAIL_FIELDS }, signal: ctx.signal }),
      input.subtaskLimit > 0
        ? ctx.api.list<TaskSummaryLike>(`${path}/subtasks`, {
            query: { limit: input.subtaskLimit, opt_fields: SUBTASK_FIELDS },
            signal: ctx.signal,
          })
        : none,
      input.storyLimit > 0
        ? ctx.api.list<StoryLike>(`${path}/stories`, {
            query: { limit: STORIES_PAGE, opt_fields: STORY_FIELDS },
            signal: ctx.signal,
          })
        : none,
    ]);
    const wanted = input.includeActivity ? stories.items : stories.items.filter((story) => story.resource_subtype === 'comment_added');
    return {
      ...compactTask(task),
      subtasks: subtasks.items.map(compactSubtask),
      // num_subtasks counts them all, so the answer can say exactly how many were left out.
      moreSubtasks: Math.max(0, (task.num_subtasks ?? 0) - subtasks.items.length),
      stories: wanted.slice(0, input.storyLimit).map(compactStory),
      moreStories: wanted.length > input.storyLimit || stories.nextOffset !== undefined,
    };
  },
});
