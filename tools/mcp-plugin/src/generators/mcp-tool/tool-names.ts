import { names } from '@nx/devkit';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** The names one tool goes by: its public name, the export of its file, and the file itself. */
export interface ToolNames {
  /** get_issue: the public API, verb first */
  name: string;
  /** getIssue */
  exportName: string;
  /** issue-get: the fleet's tool files put the noun first, so a toolset's files sort together */
  fileName: string;
}

/** get_issue -> issue-get, list_project_tasks -> project-tasks-list; a one-word name stays itself. */
export function toolNames(name: string): ToolNames {
  if (!SNAKE_CASE.test(name)) throw new Error(`--name "${name}" must be snake_case, verb first, e.g. get_issue`);
  const [verb, ...noun] = name.split('_');
  return { name, exportName: names(name).propertyName, fileName: [...noun, verb].join('-') };
}

export function checkToolset(toolset: string): void {
  if (!SNAKE_CASE.test(toolset)) throw new Error(`--toolset "${toolset}" must be snake_case, e.g. pull_requests`);
}
