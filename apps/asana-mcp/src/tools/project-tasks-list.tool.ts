import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';
import { TASK_SUMMARY_FIELDS, compactTaskSummary, taskSummaryOutput, type TaskSummaryLike } from '../shapes';

export const listProjectTasks = defineAsanaTool({
  name: 'list_project_tasks',
  toolset: 'projects',
  title: 'List the tasks of a project',
  description:
    'Lists the tasks of one Asana project in the project\'s own order (top-level tasks only; subtasks come with ' +
    'get_task). Use it to review a project; use search_tasks to filter across projects. Returns a page of tasks ' +
    '(gid, name, completed, assignee, dueOn/dueAt, dates, url) plus nextCursor; up to 100 per page. ' +
    'incompleteOnly leaves out completed tasks.',
  input: z.object({
    projectGid: gid('project'),
    incompleteOnly: z.boolean().default(false).describe('Only tasks that are not completed (default false: all tasks).'),
    ...pageInput(),
  }),
  output: pageOutput(taskSummaryOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.list<TaskSummaryLike>(`projects/${encodeURIComponent(input.projectGid)}/tasks`, {
      query: {
        limit: input.limit,
        offset: tokenCursor.read(input.cursor),
        // Asana's way to ask for incomplete tasks: "completed since now" matches only open ones.
        completed_since: input.incompleteOnly ? 'now' : undefined,
        opt_fields: TASK_SUMMARY_FIELDS,
      },
      signal: ctx.signal,
    });
    return { items: page.items.map(compactTaskSummary), nextCursor: tokenCursor.next(page.nextOffset) };
  },
});
