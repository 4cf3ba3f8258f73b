import type { ToolList } from '@sophia/mcp-base';
import type { GithubContext } from '../context';
import { listBranches } from './branches-list.tool';
import { searchCode } from './code-search.tool';
import { getCommit } from './commit-get.tool';
import { listCommits } from './commits-list.tool';
import { getFileContents } from './file-contents-get.tool';
import { addIssueComment } from './issue-comment-add.tool';
import { createIssue } from './issue-create.tool';
import { getIssue } from './issue-get.tool';
import { updateIssue } from './issue-update.tool';
import { searchIssues } from './issues-search.tool';
import { listIssues } from './issues-list.tool';
import { getJobLogs } from './job-logs-get.tool';
import { getMe } from './me-get.tool';
import { getPullRequestChecks } from './pull-request-checks-get.tool';
import { createPullRequest } from './pull-request-create.tool';
import { getPullRequestDiff } from './pull-request-diff-get.tool';
import { getPullRequest } from './pull-request-get.tool';
import { mergePullRequest } from './pull-request-merge.tool';
import { listPullRequestReviewComments } from './pull-request-review-comments-list.tool';
import { listPullRequestReviews } from './pull-request-reviews-list.tool';
import { listPullRequests } from './pull-requests-list.tool';
import { searchRepositories } from './repositories-search.tool';
import { listWorkflowRuns } from './workflow-runs-list.tool';

/** Every github-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const githubTools: ToolList<GithubContext> = [
  // context
  getMe,
  // repos
  searchRepositories,
  getFileContents,
  listCommits,
  getCommit,
  listBranches,
  // issues
  listIssues,
  searchIssues,
  getIssue,
  createIssue,
  updateIssue,
  addIssueComment,
  // pull_requests
  listPullRequests,
  getPullRequest,
  getPullRequestDiff,
  listPullRequestReviews,
  listPullRequestReviewComments,
  getPullRequestChecks,
  createPullRequest,
  mergePullRequest,
  // actions
  listWorkflowRuns,
  getJobLogs,
  // search
  searchCode,
];
