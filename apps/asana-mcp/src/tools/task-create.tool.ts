import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { date, gid, notes, timestamp, userRef } from '../inputs';
import { TASK_DETAIL_FIELDS, compactTask, taskOutput, type TaskDetailLike } from '../shapes';

export const createTask = defineAsanaTool({
  name: 'create_task',
  toolset: 'tasks',
  title: 'Create a task',
  description:
    'Creates an Asana task in a workspace, in one or more projects, or as a subtask of a parent task, optionally ' +
    'with notes, an assignee, a due date and tags. Use it only when the user asked for a task to be created; each call ' +
    'creates a new task (not idempotent, never retried). Returns the created task (gid, name, assignee, dates, ' +
    'projects, url). Give at least one of workspaceGid, projectGids or parentTaskGid; set dueOn or dueAt, not both.',
  input: z.object({
    name: z.string().min(1).max(1024).describe('Task name.'),
    notes: notes.optional(),
    workspaceGid: gid('workspace').optional().describe('Workspace gid; not needed when projectGids or parentTaskGid is given.'),
    projectGids: z.array(gid('project')).min(1).max(20).optional().describe('Projects to add the task to.'),
    parentTaskGid: gid('task').optional().describe('Create the task as a subtask of this task.'),
    assignee: userRef.optional(),
    dueOn: date('Due date').optional(),
    dueAt: timestamp('Due date and time').optional(),
    startOn: date('Start date (needs a due date too)').optional(),
    tagGids: z.array(gid('tag')).min(1).max(20).optional().describe('Tags to put on the task (tag gids, as get_task shows them).'),
  }),
  output: taskOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    if (!input.workspaceGid && !input.projectGids && !input.parentTaskGid) {
      // Asana needs to know where the task lives; say so before spending a request.
      throw ToolError.invalidInput('give workspaceGid, projectGids or parentTaskGid: Asana needs to know where the task goes');
    }
    const task = await ctx.api.post<TaskDetailLike>(
      'tasks',
      {
        name: input.name,
        notes: input.notes,
        workspace: input.workspaceGid,
        projects: input.projectGids,
        parent: input.parentTaskGid,
        assignee: input.assignee,
        due_on: input.dueOn,
        due_at: input.dueAt,
        start_on: input.startOn,
        tags: input.tagGids,
      },
      { query: { opt_fields: TASK_DETAIL_FIELDS }, signal: ctx.signal },
    );
    return compactTask(task);
  },
});
