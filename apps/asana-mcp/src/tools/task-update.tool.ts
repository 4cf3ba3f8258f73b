import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { date, gid, notes, timestamp, userRef } from '../inputs';
import { TASK_DETAIL_FIELDS, compactTask, type TaskDetailLike } from '../shapes';

export const updateTask = defineAsanaTool({
  name: 'update_task',
  toolset: 'tasks',
  title: 'Update a task',
  description:
    'Changes fields of an existing Asana task: name, notes, completed, assignee, due and start dates. Only the ' +
    'fields you pass change; pass null to clear assignee or a date. Use it to complete, reassign, reschedule or ' +
    'rename a task the user pointed to. Returns the updated task (gid, name, completed, assignee, dates, url). ' +
    'Moving a task between projects or sections is not supported here.',
  input: z.object({
    taskGid: gid('task'),
    name: z.string().min(1).max(1024).optional().describe('New task name.'),
    notes: notes.optional().describe('New description as plain text (replaces the old one).'),
    completed: z.boolean().optional().describe('true marks the task complete, false reopens it.'),
    assignee: userRef.nullable().optional().describe('New assignee ("me", email or user gid); null unassigns.'),
    dueOn: date('New due date').nullable().optional().describe('New due date (YYYY-MM-DD); null clears it.'),
    dueAt: timestamp('New due date and time').nullable().optional().describe('New due date and time (ISO 8601); null clears it.'),
    startOn: date('New start date').nullable().optional().describe('New start date (YYYY-MM-DD); null clears it.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async ({ taskGid, ...fields }, ctx) => {
    const changes = {
      name: fields.name,
      notes: fields.notes,
      completed: fields.completed,
      assignee: fields.assignee,
      due_on: fields.dueOn,
      due_at: fields.dueAt,
      start_on: fields.startOn,
    };
    if (Object.values(changes).every((value) => value === undefined)) {
      throw ToolError.invalidInput('nothing to update: pass at least one of name, notes, completed, assignee, dueOn, dueAt, startOn');
    }
    const task = await ctx.api.put<TaskDetailLike>(`tasks/${encodeURIComponent(taskGid)}`, changes, {
      query: { opt_fields: TASK_DETAIL_FIELDS },
      signal: ctx.signal,
    });
    return compactTask(task);
  },
});
