import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { idOrSlug } from '../inputs';
import { PROJECT_FIELDS, compactProject, projectOutput, type ProjectNode } from '../shapes';

const CONTENT_MAX_CHARS = 20_000;
/** Nested connections cost their page size in query complexity: enough for a project's overview. */
const MEMBERS_PER_PROJECT = 25;
const MILESTONES_PER_PROJECT = 25;

// project(id:) takes the id or the URL slug.
const GET_PROJECT = `
query GetProject($id: String!) {
  project(id: $id) {
    ${PROJECT_FIELDS}
    content createdAt completedAt canceledAt
    creator { name }
    members(first: ${MEMBERS_PER_PROJECT}) { nodes { name } }
    projectMilestones(first: ${MILESTONES_PER_PROJECT}) { nodes { id name targetDate progress } }
  }
}`;

interface ProjectDetail extends ProjectNode {
  content?: string | null;
  createdAt: string;
  completedAt?: string | null;
  canceledAt?: string | null;
  creator?: { name: string } | null;
  members: { nodes: Array<{ name: string }> };
  projectMilestones: { nodes: Array<{ id: string; name: string; targetDate?: string | null; progress: number }> };
}

export const getProject = defineLinearTool({
  name: 'get_project',
  toolset: 'projects',
  title: 'Get a project',
  description:
    'Reads one project by id or linear.app URL (from list_projects or a link): what ' +
    'list_projects shows plus the project\'s Markdown content (its overview, cut at ' +
    `${CONTENT_MAX_CHARS} characters), creator, members (first ${MEMBERS_PER_PROJECT}), milestones with target ` +
    `dates and progress (first ${MILESTONES_PER_PROJECT}), and created/completed/canceled dates. Its issues: ` +
    'list_issues with project.',
  input: z.object({
    id: idOrSlug('Project', 'https://linear.app/acme/project/web-checkout-4b3c9d4e1f2a'),
  }),
  output: projectOutput.extend({
    content: z.string().nullable().describe(`The project overview in Markdown, cut at ${CONTENT_MAX_CHARS} characters.`),
    creator: z.string().nullable(),
    members: z.array(z.string()),
    milestones: z.array(z.object({ id: z.string(), name: z.string(), targetDate: z.string().nullable(), progress: z.number() })),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    canceledAt: z.string().nullable(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { project } = await ctx.linear.query<{ project: ProjectDetail }>(GET_PROJECT, { id: input.id });
    return {
      ...compactProject(project),
      content: capText(project.content, CONTENT_MAX_CHARS),
      creator: project.creator?.name ?? null,
      members: project.members.nodes.map((member) => member.name),
      milestones: project.projectMilestones.nodes.map((milestone) => ({
        id: milestone.id,
        name: milestone.name,
        targetDate: milestone.targetDate ?? null,
        progress: milestone.progress,
      })),
      createdAt: project.createdAt,
      completedAt: project.completedAt ?? null,
      canceledAt: project.canceledAt ?? null,
    };
  },
});
