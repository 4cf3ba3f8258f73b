import { capText } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * Each entity's GraphQL selection sits next to the compact shape built from it, so a query
 * selects exactly the fields we return (Linear charges query complexity per selected field,
 * and multiplies nested connections by their page size).
 */

type Named = { name: string } | null | undefined;

const nameOf = (entity: Named): string | null => entity?.name ?? null;

/** At most this many labels per issue: a nested connection costs its page size in complexity. */
const LABELS_PER_ISSUE = 10;

export const ISSUE_FIELDS = `
  id identifier title priority priorityLabel estimate dueDate url createdAt updatedAt completedAt
  state { name type }
  assignee { name }
  team { key }
  project { name }
  labels(first: ${LABELS_PER_ISSUE}) { nodes { name } }`;

export interface IssueNode {
  id: string;
  identifier: string;
  title: string;
  priority: number;
  priorityLabel: string;
  estimate?: number | null;
  dueDate?: string | null;
  url: string;
  createdAt: string;
  updatedAt: string;
  completedAt?: string | null;
  state: { name: string; type: string };
  assignee?: Named;
  team: { key: string };
  project?: Named;
  labels: { nodes: Array<{ name: string }> };
}

export const issueOutput = z.object({
  id: z.string(),
  identifier: z.string().describe('e.g. "ENG-123"; every issue input takes it.'),
  title: z.string(),
  state: z.string(),
  stateType: z.string().describe('triage, backlog, unstarted, started, completed or canceled.'),
  priority: z.number().describe('0 none, 1 urgent, 2 high, 3 medium, 4 low.'),
  priorityLabel: z.string(),
  assignee: z.string().nullable(),
  team: z.string().describe('Team key.'),
  project: z.string().nullable(),
  labels: z.array(z.string()).describe('Label names (first 10).'),
  estimate: z.number().nullable(),
  dueDate: z.string().nullable(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});

export function compactIssue(issue: IssueNode): z.infer<typeof issueOutput> {
  return {
    id: issue.id,
    identifier: issue.identifier,
    title: issue.title,
    state: issue.state.name,
    stateType: issue.state.type,
    priority: issue.priority,
    priorityLabel: issue.priorityLabel,
    assignee: nameOf(issue.assignee),
    team: issue.team.key,
    project: nameOf(issue.project),
    labels: issue.labels.nodes.map((label) => label.name),
    estimate: issue.estimate ?? null,
    dueDate: issue.dueDate ?? null,
    url: issue.url,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    completedAt: issue.completedAt ?? null,
  };
}

export const COMMENT_FIELDS = 'id body createdAt editedAt url user { name } parent { id }';

export interface CommentNode {
  id: string;
  body: string;
  createdAt: string;
  editedAt?: string | null;
  url: string;
  user?: Named;
  parent?: { id: string } | null;
}

/** Comments are capped one by one so a single huge comment cannot crowd out the rest. */
export const COMMENT_MAX_CHARS = 4_000;

export const commentOutput = z.object({
  id: z.string(),
  author: z.string().nullable(),
  body: z.string().describe('Markdown, cut at 4000 characters with a marker.'),
  parentId: z.string().nullable().describe('The comment this one replies to.'),
  url: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});

export function compactComment(comment: CommentNode): z.infer<typeof commentOutput> {
  return {
    id: comment.id,
    author: nameOf(comment.user),
    body: capText(comment.body, COMMENT_MAX_CHARS),
    // Set on replies in a thread: the comment this one answers.
    parentId: comment.parent?.id ?? null,
    url: comment.url,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt ?? null,
  };
}

/** Only the first few team keys per project: a nested connection costs its page size in complexity. */
const TEAMS_PER_PROJECT = 5;
const SUMMARY_MAX_CHARS = 500;

export const PROJECT_FIELDS = `
  id name description url progress health startDate targetDate updatedAt
  status { name type }
  lead { name }
  teams(first: ${TEAMS_PER_PROJECT}) { nodes { key } }`;

export interface ProjectNode {
  id: string;
  name: string;
  description: string;
  url: string;
  progress: number;
  health?: string | null;
  startDate?: string | null;
  targetDate?: string | null;
  updatedAt: string;
  status: { name: string; type: string };
  lead?: Named;
  teams: { nodes: Array<{ key: string }> };
}

export const projectOutput = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string().nullable().describe('The short description, cut at 500 characters.'),
  status: z.string(),
  statusType: z.string().describe('backlog, planned, started, paused, completed or canceled.'),
  lead: z.string().nullable(),
  progress: z.number().describe('0-1.'),
  health: z.string().nullable().describe('onTrack, atRisk or offTrack, from the latest project update.'),
  startDate: z.string().nullable(),
  targetDate: z.string().nullable(),
  teams: z.array(z.string()).describe('Team keys (first 5).'),
  url: z.string(),
  updatedAt: z.string(),
});

export function compactProject(project: ProjectNode): z.infer<typeof projectOutput> {
  return {
    id: project.id,
    name: project.name,
    summary: capText(project.description, SUMMARY_MAX_CHARS),
    status: project.status.name,
    statusType: project.status.type,
    lead: nameOf(project.lead),
    progress: project.progress,
    health: project.health ?? null,
    startDate: project.startDate ?? null,
    targetDate: project.targetDate ?? null,
    teams: project.teams.nodes.map((team) => team.key),
    url: project.url,
    updatedAt: project.updatedAt,
  };
}

export const DOCUMENT_FIELDS = 'id title url createdAt updatedAt creator { name } project { name } team { key } issue { identifier }';

export interface DocumentNode {
  id: string;
  title: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  creator?: Named;
  project?: Named;
  team?: { key: string } | null;
  issue?: { identifier: string } | null;
}

export const documentOutput = z.object({
  id: z.string().describe('The id for get_document.'),
  title: z.string(),
  project: z.string().nullable().describe('The project the document belongs to, if any.'),
  team: z.string().nullable().describe('Team key, for a team document.'),
  issue: z.string().nullable().describe('Issue identifier, for a document attached to an issue.'),
  creator: z.string().nullable(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function compactDocument(document: DocumentNode): z.infer<typeof documentOutput> {
  return {
    id: document.id,
    title: document.title,
    project: nameOf(document.project),
    team: document.team?.key ?? null,
    issue: document.issue?.identifier ?? null,
    creator: nameOf(document.creator),
    url: document.url,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}
