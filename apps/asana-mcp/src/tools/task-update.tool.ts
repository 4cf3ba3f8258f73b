import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { date, gid, notes, timestamp, userRef } from '../inputs';
import { TASK_DETAIL_FIELDS, compactTask, taskOutput, type TaskDetailLike } from '../shapes';

export const updateTask = defineAsanaTool({
  name: 'update_task',
  toolset: 'tasks',
  title: 'Update a task',
  description:
    'Changes fields of an existing Asana task: name, notes, completed, assignee, due and start dates, and adds or ' +
    'removes tags (tag gids, as get_task shows them). Only the ' +
    'fields you pass change; pass null to clear assignee or a date. Use it to complete, reassign, reschedule or ' +
    'rename a task the user pointed to. Returns the updated task (gid, name, completed, assignee, dates, url). ' +
    'Move it between sections with move_task_to_section; set dependencies with update_task_dependencies.',
  input: z.object({
    taskGid: gid('task'),
    name: z.string().min(1).max(1024).optional().describe('New task name.'),
    notes: notes.optional().describe('New description as plain text (replaces the old one).'),
    completed: z.boolean().optional().describe('true marks the task complete, false reopens it.'),
    assignee: userRef.nullable().optional().describe('New assignee ("me", email or user gid); null unassigns.'),
    dueOn: date('New due date').nullable().optional().describe('New due date (YYYY-MM-DD); null clears it.'),
    dueAt: timestamp('New due date and time').nullable().optional().describe('New due date and time (ISO 8601); null clears it.'),
    startOn: date('New start date').nullable().optional().describe('New start date (YYYY-MM-DD); null clears it.'),
    addTagGids: z.array(gid('tag')).min(1).max(20).optional().describe('Tags to add (tag gids).'),
    removeTagGids: z.array(gid('tag')).min(1).max(20).optional().describe('Tags to remove (tag gids).'),
  }),
  output: taskOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async ({ taskGid, addTagGids = [], removeTagGids = [], ...fields }, ctx) => {
    const changes = {
      name: fields.name,
      notes: fields.notes,
      completed: fields.completed,
      assignee: fields.assignee,
      due_on: fields.dueOn,
      due_at: fields.dueAt,
      start_on: fields.startOn,
    };
    const fieldsChange = Object.values(changes).some((value) => value !== undefined);
    if (!fieldsChange && !addTagGids.length && !removeTagGids.length) {
      throw ToolError.invalidInput(
        'nothing to update: pass at least one of name, notes, completed, assignee, dueOn, dueAt, startOn, addTagGids, removeTagGids',
      );
    }
    const path = `tasks/${encodeURIComponent(taskGid)}`;
    // Tags have their own endpoints, one tag per request; they go first so the answer below shows them.
    for (const tag of addTagGids) await ctx.api.post(`${path}/addTag`, { tag }, { signal: ctx.signal });
    for (const tag of removeTagGids) await ctx.api.post(`${path}/removeTag`, { tag }, { signal: ctx.signal });
    const options = { query: { opt_fields: TASK_DETAIL_FIELDS }, signal: ctx.signal };
    const task = fieldsChange
      ? await ctx.api.put<TaskDetailLike>(path, changes, options)
      : await ctx.api.get<TaskDetailLike>(path, options);
    return compactTask(task);
  },
});
