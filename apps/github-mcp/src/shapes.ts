import { capText, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * Compact views of GitHub objects that several tools return. The parameter types list only
 * the fields we read, so list and detail payloads (which differ in extra fields) both fit.
 */

type Login = { login: string } | null | undefined;

export const login = (user: Login): string | null => user?.login ?? null;

type Label = string | { name?: string | null };

const labelName = (label: Label): string => (typeof label === 'string' ? label : (label.name ?? ''));

export interface IssueLike {
  number: number;
  title: string;
  state: string;
  state_reason?: string | null;
  user: Login;
  labels: Label[];
  assignees?: Login[] | null;
  milestone?: { title: string } | null;
  comments: number;
  pull_request?: unknown;
  html_url: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export const issueOutput = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string().describe('open or closed.'),
  stateReason: z.string().nullable().describe('completed, not_planned, duplicate or reopened; null when never closed.'),
  author: z.string().nullable(),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  milestone: z.string().nullable().describe('Milestone title.'),
  commentCount: z.number(),
  isPullRequest: z.boolean(),
  htmlUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});

export function compactIssue(issue: IssueLike): z.output<typeof issueOutput> {
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    stateReason: issue.state_reason ?? null,
    author: login(issue.user),
    labels: issue.labels.map(labelName).filter(Boolean),
    assignees: (issue.assignees ?? []).map(login).filter((name): name is string => name !== null),
    milestone: issue.milestone?.title ?? null,
    commentCount: issue.comments,
    // The issues endpoints also serve pull requests; say which one this is.
    isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    htmlUrl: issue.html_url,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at,
  };
}

export interface PullRequestLike {
  number: number;
  title: string;
  state: string;
  draft?: boolean;
  user: Login;
  head: { ref: string; label: string };
  base: { ref: string };
  html_url: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
}

export const pullRequestOutput = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string().describe('open or closed (a merged pull request is closed with mergedAt set).'),
  draft: z.boolean(),
  author: z.string().nullable(),
  head: z.string().describe('owner:branch of the changes.'),
  base: z.string().describe('Branch it merges into.'),
  htmlUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  mergedAt: z.string().nullable(),
});

export function compactPullRequest(pr: PullRequestLike): z.output<typeof pullRequestOutput> {
  return {
    number: pr.number,
    title: pr.title,
    state: pr.state,
    draft: pr.draft ?? false,
    author: login(pr.user),
    head: pr.head.label,
    base: pr.base.ref,
    htmlUrl: pr.html_url,
    createdAt: pr.created_at,
    updatedAt: pr.updated_at,
    closedAt: pr.closed_at,
    mergedAt: pr.merged_at,
  };
}

export interface CommentLike {
  id: number;
  user: Login;
  body?: string;
  html_url: string;
  created_at: string;
}

/** Comments are capped one by one so a single huge comment cannot crowd out the rest. */
export const COMMENT_MAX_CHARS = 4_000;

export const commentOutput = z.object({
  id: z.number(),
  author: z.string().nullable(),
  body: z.string().nullable(),
  htmlUrl: z.string(),
  createdAt: z.string(),
});

export function compactComment(comment: CommentLike): z.output<typeof commentOutput> {
  return {
    id: comment.id,
    author: login(comment.user),
    body: capText(comment.body, COMMENT_MAX_CHARS),
    htmlUrl: comment.html_url,
    createdAt: comment.created_at,
  };
}

export { pageOutput };

/** A page of a GitHub search: also how many results match in all (GitHub serves the first 1000). */
export const searchPageOutput = <Item extends z.ZodType>(item: Item) =>
  pageOutput(item).extend({ totalCount: z.number().describe('Matches in all, of which GitHub serves the first 1000.') });

/** A file a commit or pull request changes, with its patch when asked for (see PatchBudget). */
export const changedFileOutput = z.object({
  path: z.string(),
  status: z.string().describe('added, removed, modified, renamed, copied, changed or unchanged.'),
  additions: z.number(),
  deletions: z.number(),
  previousPath: z.string().nullable().describe('The path before a rename.'),
  patch: z.string().nullable().optional(),
  patchNote: z.string().nullable().optional().describe('Why patch is null or cut.'),
});
