import type { ToolList } from '@sophia/mcp-base';
import type { CodacyContext } from '../context';
import { getIssue } from './issue-get.tool';
import { ignoreIssue } from './issue-ignore.tool';
import { searchIssues } from './issues-search.tool';
import { listOrganizations } from './organizations-list.tool';
import { getPullRequestCoverage } from './pull-request-coverage-get.tool';
import { getPullRequestIssues } from './pull-request-issues-get.tool';
import { listPullRequests } from './pull-requests-list.tool';
import { listRepositories } from './repositories-list.tool';
import { getRepositoryAnalysis } from './repository-analysis-get.tool';
import { searchSecurityItems } from './security-items-search.tool';

/** Every codacy-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const codacyTools: ToolList<CodacyContext> = [
  // organizations and repositories
  listOrganizations,
  listRepositories,
  getRepositoryAnalysis,
  // issues
  searchIssues,
  getIssue,
  // security
  searchSecurityItems,
  // pull requests
  listPullRequests,
  getPullRequestIssues,
  getPullRequestCoverage,
  // writes (destructive per the fleet write policy: off unless MCP_ALLOW_DESTRUCTIVE=true)
  ignoreIssue,
];
