import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';

/** Asana allows at most 30 dependencies and dependents on a task, together. */
const gidList = (what: string) => z.array(gid('task')).min(1).max(30).describe(what);

export const updateTaskDependencies = defineAsanaTool({
  name: 'update_task_dependencies',
  toolset: 'tasks',
  title: 'Add or remove task dependencies',
  description:
    'Marks an Asana task as blocked by other tasks (add: the task depends on them) or removes such links ' +
    '(remove); the tasks themselves are not changed. Use it when the user says a task waits for, or no longer ' +
    'waits for, another. Dependencies need a paid Asana plan (otherwise forbidden). Returns { taskGid, added, ' +
    'removed }.',
  input: z.object({
    taskGid: gid('task'),
    add: gidList('Tasks this task depends on (is blocked by), to add.').optional(),
    remove: gidList('Tasks to no longer depend on.').optional(),
  }),
  output: z.object({ taskGid: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async ({ taskGid, add = [], remove = [] }, ctx) => {
    if (!add.length && !remove.length) throw ToolError.invalidInput('nothing to change: give add or remove (task gids)');
    const path = `tasks/${encodeURIComponent(taskGid)}`;
    // Asana answers both with an empty { data: {} }.
    if (add.length) await ctx.api.post(`${path}/addDependencies`, { dependencies: add }, { signal: ctx.signal });
    if (remove.length) await ctx.api.post(`${path}/removeDependencies`, { dependencies: remove }, { signal: ctx.signal });
    return { taskGid, added: add, removed: remove };
  },
});
