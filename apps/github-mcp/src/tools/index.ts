import type { ToolList } from '@sophia/mcp-base';
import type { GithubContext } from '../context';
import { searchCode } from './code-search.tool';
import { listCommits } from './commits-list.tool';
import { getFileContents } from './file-contents-get.tool';
import { addIssueComment } from './issue-comment-add.tool';
import { createIssue } from './issue-create.tool';
import { getIssue } from './issue-get.tool';
import { listIssues } from './issues-list.tool';
import { getMe } from './me-get.tool';
import { createPullRequest } from './pull-request-create.tool';
import { getPullRequest } from './pull-request-get.tool';
import { listPullRequests } from './pull-requests-list.tool';
import { searchRepositories } from './repositories-search.tool';

/** Every github-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const githubTools: ToolList<GithubContext> = [
  // context
  getMe,
  // repos
  searchRepositories,
  getFileContents,
  listCommits,
  // issues
  listIssues,
  getIssue,
  createIssue,
  addIssueComment,
  // pull_requests
  listPullRequests,
  getPullRequest,
  createPullRequest,
  // search
  searchCode,
];
