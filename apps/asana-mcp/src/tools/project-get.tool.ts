import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAsanaTool } from '../context';
import { gid } from '../inputs';
import { ref, refOutput, type Named } from '../shapes';

const PROJECT_FIELDS = [
  'name,notes,archived,color,due_on,start_on,created_at,modified_at,permalink_url',
  'owner.name,team.name,workspace.name,current_status_update.title,current_status_update.status_type',
].join(',');

const NOTES_MAX_CHARS = 10_000;

interface Project extends Named {
  notes?: string;
  archived?: boolean;
  color?: string | null;
  due_on?: string | null;
  start_on?: string | null;
  created_at?: string;
  modified_at?: string;
  permalink_url?: string;
  owner?: Named | null;
  team?: Named | null;
  workspace?: Named | null;
  current_status_update?: { gid: string; title?: string; status_type?: string } | null;
}

export const getProject = defineAsanaTool({
  name: 'get_project',
  toolset: 'projects',
  title: 'Get a project',
  description:
    'Reads one Asana project: name, description (notes), owner, team, workspace, archived flag, start and due ' +
    'dates, its current status update (title and on_track / at_risk / off_track / on_hold / complete) and URL. ' +
    `Use it to understand a project before listing its tasks with list_project_tasks. Notes are cut at ${NOTES_MAX_CHARS} ` +
    'characters with a marker.',
  input: z.object({ projectGid: gid('project') }),
  output: z.object({
    gid: z.string(),
    name: z.string(),
    notes: z.string().nullable(),
    archived: z.boolean(),
    color: z.string().nullable(),
    owner: refOutput,
    team: refOutput,
    workspace: refOutput,
    startOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    currentStatus: z.object({ title: z.string().nullable(), status: z.string().nullable() }).nullable(),
    createdAt: z.string().nullable(),
    modifiedAt: z.string().nullable(),
    url: z.string().nullable(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ projectGid }, ctx) => {
    const project = await ctx.api.get<Project>(`projects/${encodeURIComponent(projectGid)}`, {
      query: { opt_fields: PROJECT_FIELDS },
      signal: ctx.signal,
    });
    const status = project.current_status_update;
    return {
      gid: project.gid,
      name: project.name ?? '',
      notes: capText(project.notes, NOTES_MAX_CHARS),
      archived: project.archived ?? false,
      color: project.color ?? null,
      owner: ref(project.owner),
      team: ref(project.team),
      workspace: ref(project.workspace),
      startOn: project.start_on ?? null,
      dueOn: project.due_on ?? null,
      currentStatus: status ? { title: status.title ?? null, status: status.status_type ?? null } : null,
      createdAt: project.created_at ?? null,
      modifiedAt: project.modified_at ?? null,
      url: project.permalink_url ?? null,
    };
  },
});
