import { capText } from '@sophia/mcp-base';

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

export function compactIssue(issue: IssueNode) {
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

export function compactComment(comment: CommentNode) {
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
