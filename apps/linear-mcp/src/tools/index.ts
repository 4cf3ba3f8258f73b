import type { ToolList } from '@sophia/mcp-base';
import type { LinearContext } from '../context';
import { saveComment } from './comment-save.tool';
import { listComments } from './comments-list.tool';
import { listCycles } from './cycles-list.tool';
import { getDocument } from './document-get.tool';
import { listDocuments } from './documents-list.tool';
import { getIssue } from './issue-get.tool';
import { listIssueLabels } from './issue-labels-list.tool';
import { saveIssue } from './issue-save.tool';
import { listIssueStatuses } from './issue-statuses-list.tool';
import { listIssues } from './issues-list.tool';
import { relateIssues } from './issues-relate.tool';
import { getProject } from './project-get.tool';
import { listProjects } from './projects-list.tool';
import { listTeams } from './teams-list.tool';
import { listUsers } from './users-list.tool';

/** Every linear-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const linearTools: ToolList<LinearContext> = [
  // teams
  listTeams,
  // issues
  listIssues,
  getIssue,
  listIssueStatuses,
  listIssueLabels,
  saveIssue,
  relateIssues,
  // users
  listUsers,
  // projects
  listProjects,
  getProject,
  // cycles
  listCycles,
  // documents
  listDocuments,
  getDocument,
  // comments
  listComments,
  saveComment,
];
