import type { ToolList } from '@sophia/mcp-base';
import type { LinearContext } from '../context';
import { saveComment } from './comment-save.tool';
import { listComments } from './comments-list.tool';
import { getIssue } from './issue-get.tool';
import { saveIssue } from './issue-save.tool';
import { listIssueStatuses } from './issue-statuses-list.tool';
import { listIssues } from './issues-list.tool';
import { listProjects } from './projects-list.tool';
import { listTeams } from './teams-list.tool';

/** Every linear-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const linearTools: ToolList<LinearContext> = [
  // teams
  listTeams,
  // issues
  listIssues,
  getIssue,
  listIssueStatuses,
  saveIssue,
  // projects
  listProjects,
  // comments
  listComments,
  saveComment,
];
