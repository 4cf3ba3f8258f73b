import { capText } from '@sophia/mcp-base';

/**
 * Compact views of GitHub objects that several tools return. The parameter types list only
 * the fields we read, so list and detail payloads (which differ in extra fields) both fit.
 */

type Login = { login: string } | null | undefined;

const login = (user: Login): string | null => user?.login ?? null;

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

export function compactIssue(issue: IssueLike) {
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

export function compactPullRequest(pr: PullRequestLike) {
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

export function compactComment(comment: CommentLike) {
  return {
    id: comment.id,
    author: login(comment.user),
    body: capText(comment.body, COMMENT_MAX_CHARS),
    htmlUrl: comment.html_url,
    createdAt: comment.created_at,
  };
}
