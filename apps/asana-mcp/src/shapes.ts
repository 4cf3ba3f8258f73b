import { capText } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * Compact views of Asana objects, each with the `opt_fields` that fetch exactly what it reads
 * (Asana returns only gid + the listed fields, which keeps responses and rate-limit cost small).
 */

/** A compact reference Asana nests in other objects: `{ gid, name }` (null when unset). */
export interface Named {
  gid: string;
  name?: string | null;
}

export const ref = (value: Named | null | undefined) => (value ? { gid: value.gid, name: value.name ?? null } : null);

/** The output schema of `ref`. */
export const refOutput = z.object({ gid: z.string(), name: z.string().nullable() }).nullable();


const refs = (values: Named[] | null | undefined) => (values ?? []).map((value) => ({ gid: value.gid, name: value.name ?? null }));

export const TASK_SUMMARY_FIELDS = 'name,completed,assignee.name,due_on,due_at,created_at,modified_at,permalink_url';

export interface TaskSummaryLike extends Named {
  completed?: boolean;
  assignee?: Named | null;
  due_on?: string | null;
  due_at?: string | null;
  created_at?: string;
  modified_at?: string;
  permalink_url?: string;
}

export const taskSummaryOutput = z.object({
  gid: z.string(),
  name: z.string(),
  completed: z.boolean(),
  assignee: refOutput,
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  url: z.string().nullable(),
});

export function compactTaskSummary(task: TaskSummaryLike) {
  return {
    gid: task.gid,
    name: task.name ?? '',
    completed: task.completed ?? false,
    assignee: ref(task.assignee),
    dueOn: task.due_on ?? null,
    dueAt: task.due_at ?? null,
    createdAt: task.created_at ?? null,
    modifiedAt: task.modified_at ?? null,
    url: task.permalink_url ?? null,
  };
}

export const SUBTASK_FIELDS = 'name,completed,assignee.name,due_on,due_at';

export const subtaskOutput = taskSummaryOutput.pick({ gid: true, name: true, completed: true, assignee: true, dueOn: true, dueAt: true });

export function compactSubtask(task: TaskSummaryLike) {
  const { gid, name, completed, assignee, dueOn, dueAt } = compactTaskSummary(task);
  return { gid, name, completed, assignee, dueOn, dueAt };
}

export const TASK_DETAIL_FIELDS = [
  TASK_SUMMARY_FIELDS,
  'notes,start_on,completed_at,num_subtasks,parent.name,workspace.name,projects.name,tags.name',
  'memberships.project.name,memberships.section.name,custom_fields.name,custom_fields.display_value',
].join(',');

/** Task notes are capped so one huge description cannot crowd out the rest of the answer. */
export const NOTES_MAX_CHARS = 10_000;

export interface TaskDetailLike extends TaskSummaryLike {
  notes?: string;
  start_on?: string | null;
  completed_at?: string | null;
  num_subtasks?: number;
  parent?: Named | null;
  workspace?: Named | null;
  projects?: Named[];
  tags?: Named[];
  memberships?: Array<{ project?: Named | null; section?: Named | null }>;
  custom_fields?: Array<Named & { display_value?: string | null }>;
}

export const taskOutput = taskSummaryOutput.extend({
  notes: z.string().nullable(),
  startOn: z.string().nullable(),
  completedAt: z.string().nullable(),
  parent: refOutput,
  workspace: refOutput,
  projects: z.array(refOutput.unwrap()),
  sections: z.array(z.object({ project: refOutput, section: refOutput })).describe('The section the task sits in, per project.'),
  tags: z.array(refOutput.unwrap()),
  customFields: z.array(z.object({ name: z.string().nullable(), value: z.string().nullable() })),
  subtaskCount: z.number().int(),
});

export function compactTask(task: TaskDetailLike) {
  return {
    ...compactTaskSummary(task),
    notes: capText(task.notes, NOTES_MAX_CHARS),
    startOn: task.start_on ?? null,
    completedAt: task.completed_at ?? null,
    parent: ref(task.parent),
    workspace: ref(task.workspace),
    projects: refs(task.projects),
    // The section a task sits in, per project: what a board column or list header shows.
    sections: (task.memberships ?? [])
      .filter((membership) => membership.section)
      .map((membership) => ({ project: ref(membership.project), section: ref(membership.section) })),
    tags: refs(task.tags),
    customFields: (task.custom_fields ?? []).map((field) => ({ name: field.name ?? null, value: field.display_value ?? null })),
    subtaskCount: task.num_subtasks ?? 0,
  };
}

export const STORY_FIELDS = 'resource_subtype,text,created_at,created_by.name';

/** Comments are capped one by one so a single long comment cannot crowd out the rest. */
export const STORY_MAX_CHARS = 4_000;

export interface StoryLike {
  gid: string;
  resource_subtype?: string;
  text?: string;
  created_at?: string;
  created_by?: Named | null;
}

export const storyOutput = z.object({
  gid: z.string(),
  type: z.string().nullable().describe('"comment_added" for comments; system stories name the change, e.g. "assigned".'),
  author: refOutput,
  createdAt: z.string().nullable(),
  text: z.string().nullable(),
});

export function compactStory(story: StoryLike) {
  return {
    gid: story.gid,
    // "comment_added" for comments; system stories name the change, e.g. "assigned", "due_date_changed".
    type: story.resource_subtype ?? null,
    author: ref(story.created_by),
    createdAt: story.created_at ?? null,
    text: capText(story.text, STORY_MAX_CHARS),
  };
}

export const PROJECT_SUMMARY_FIELDS = 'name,archived,owner.name,team.name,modified_at,permalink_url';

export interface ProjectSummaryLike extends Named {
  archived?: boolean;
  owner?: Named | null;
  team?: Named | null;
  modified_at?: string;
  permalink_url?: string;
}

export const projectSummaryOutput = z.object({
  gid: z.string(),
  name: z.string(),
  archived: z.boolean(),
  owner: refOutput,
  team: refOutput,
  modifiedAt: z.string().nullable(),
  url: z.string().nullable(),
});

export function compactProjectSummary(project: ProjectSummaryLike): z.output<typeof projectSummaryOutput> {
  return {
    gid: project.gid,
    name: project.name ?? '',
    archived: project.archived ?? false,
    owner: ref(project.owner),
    team: ref(project.team),
    modifiedAt: project.modified_at ?? null,
    url: project.permalink_url ?? null,
  };
}
