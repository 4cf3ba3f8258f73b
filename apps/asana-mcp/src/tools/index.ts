import type { ToolList } from '@sophia/mcp-base';
import type { AsanaContext } from '../context';
import { addComment } from './comment-add.tool';
import { getProject } from './project-get.tool';
import { listProjectTasks } from './project-tasks-list.tool';
import { listProjects } from './projects-list.tool';
import { listSections } from './sections-list.tool';
import { createTask } from './task-create.tool';
import { getTask } from './task-get.tool';
import { updateTaskDependencies } from './task-dependencies-update.tool';
import { moveTaskToSection } from './task-section-move.tool';
import { updateTask } from './task-update.tool';
import { searchTasks } from './tasks-search.tool';
import { listUsers } from './users-list.tool';
import { listWorkspaces } from './workspaces-list.tool';

/** Every asana-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const asanaTools: ToolList<AsanaContext> = [
  // workspaces
  listWorkspaces,
  // users
  listUsers,
  // tasks
  searchTasks,
  getTask,
  createTask,
  updateTask,
  moveTaskToSection,
  updateTaskDependencies,
  addComment,
  // projects
  listProjects,
  getProject,
  listProjectTasks,
  listSections,
];
