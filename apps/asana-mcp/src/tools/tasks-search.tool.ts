import { pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { date, gid, userRef } from '../inputs';
import { isPaymentRequired, searchWithoutPremium } from '../search-fallback';
import { searchNextCursor, searchPageBound } from '../search-paging';
import { TASK_SUMMARY_FIELDS, compactTaskSummary, taskSummaryOutput, type TaskSummaryLike } from '../shapes';

const gidList = (what: string) => z.array(gid(what)).min(1).max(20);

export const searchTasks = defineAsanaTool({
  name: 'search_tasks',
  toolset: 'tasks',
  title: 'Search tasks in a workspace',
  description:
    'Finds tasks across a workspace with Asana\'s advanced search: text in name/notes, assignee (e.g. "me"), ' +
    'projects, completion and due dates. Use it for "my open tasks", "tasks due this week in project X", or to ' +
    'find a task by words; read one with get_task. Returns a page of tasks (gid, name, completed, assignee, ' +
    'dueOn/dueAt, dates, url) plus nextCursor; up to 100 per page. Paging works only with sortBy created_at ' +
    '(the default): the cursor resumes after the last task\'s creation time. Other sorts return one page and ' +
    'a note when more may exist. The search API needs a premium Asana workspace: on a free one (HTTP 402) the tool ' +
    'falls back on the tasks of the given projects, or on typeahead by text (task names), filters them itself and ' +
    'says so in fallback and note (one page, no cursor); with neither projects nor text it answers forbidden. ' +
    'Results lag edits by up to a minute; the search API has a lower rate limit than the rest.',
  input: z.object({
    workspaceGid: gid('workspace'),
    text: z.string().min(1).max(200).optional().describe('Words to match in task names and notes.'),
    assignees: z.array(userRef).min(1).max(20).optional().describe('Only tasks assigned to any of these users ("me" for the token\'s owner).'),
    projects: gidList('project').optional().describe('Only tasks in any of these project gids.'),
    completed: z.boolean().optional().describe('true: only completed tasks; false: only incomplete ones; omit for both.'),
    dueAfter: date('Only tasks due after this date (Asana\'s due_on.after)').optional(),
    dueBefore: date('Only tasks due before this date (Asana\'s due_on.before)').optional(),
    sortBy: z
      .enum(['created_at', 'modified_at', 'due_date', 'completed_at', 'likes'])
      .default('created_at')
      .describe('Sort field (default created_at, the only one that pages).'),
    sortAscending: z.boolean().default(false).describe('Oldest / earliest first (default false: newest first).'),
    ...pageInput(),
  }),
  output: pageOutput(taskSummaryOutput).extend({
    note: z.string().optional().describe('Says when more tasks may match, or how a fallback found these.'),
    fallback: z
      .enum(['typeahead', 'project_tasks'])
      .optional()
      .describe('Set when the workspace has no search API (free plan) and the tasks came from this fallback instead.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const order = { sortBy: input.sortBy, sortAscending: input.sortAscending };
    const search = ctx.api.list<TaskSummaryLike>(`workspaces/${encodeURIComponent(input.workspaceGid)}/tasks/search`, {
      query: {
        text: input.text,
        'assignee.any': input.assignees?.join(','),
        'projects.any': input.projects?.join(','),
        completed: input.completed,
        'due_on.after': input.dueAfter,
        'due_on.before': input.dueBefore,
        sort_by: input.sortBy,
        sort_ascending: input.sortAscending,
        ...searchPageBound(input.cursor, order),
        limit: input.limit,
        opt_fields: TASK_SUMMARY_FIELDS,
      },
      signal: ctx.signal,
    });
    const page = await search.catch((error: unknown) => {
      if (!isPaymentRequired(error)) throw error;
      return searchWithoutPremium(ctx.api, input, error, ctx.signal);
    });
    if ('fallback' in page) return { ...page, items: page.items.map(compactTaskSummary) };
    const full = page.items.length >= input.limit;
    return {
      items: page.items.map(compactTaskSummary),
      nextCursor: searchNextCursor(page.items, input.limit, order),
      ...(full && input.sortBy !== 'created_at'
        ? { note: 'More tasks may match: narrow the filters, or sort by created_at to page through all of them.' }
        : {}),
    };
  },
});

