import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';

export const moveTaskToSection = defineAsanaTool({
  name: 'move_task_to_section',
  toolset: 'tasks',
  title: 'Move a task to a section',
  description:
    'Moves an Asana task into a section of a project it belongs to (a board column or list header), at the end ' +
    'of the section, or just before / after another task of it. Find section gids with list_sections. Use it ' +
    'only when the user asked to move the task. Returns { taskGid, sectionGid, moved }.',
  input: z.object({
    taskGid: gid('task'),
    sectionGid: gid('section'),
    insertBefore: gid('task').optional().describe('Place the task just before this task of the section.'),
    insertAfter: gid('task').optional().describe('Place the task just after this task of the section.'),
  }),
  output: z.object({ taskGid: z.string(), sectionGid: z.string(), moved: z.literal(true) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    if (input.insertBefore && input.insertAfter) throw ToolError.invalidInput('give insertBefore or insertAfter, not both');
    // Asana answers with an empty { data: {} }.
    await ctx.api.post(
      `sections/${encodeURIComponent(input.sectionGid)}/addTask`,
      { task: input.taskGid, insert_before: input.insertBefore, insert_after: input.insertAfter },
      { signal: ctx.signal },
    );
    return { taskGid: input.taskGid, sectionGid: input.sectionGid, moved: true as const };
  },
});
