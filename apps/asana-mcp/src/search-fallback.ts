import { ToolError } from '@sophia/mcp-base';
import type { AsanaApi } from './asana-api';
import { TASK_SUMMARY_FIELDS, type Named, type TaskSummaryLike } from './shapes';

/**
 * Asana's task search is a Premium feature: a free workspace answers it with 402 Payment Required.
 * Then search_tasks falls back on what every plan has: the tasks of the given projects, or typeahead
 * on the text, with the other filters applied here. Neither pages, so the answer says what it is.
 */
export interface SearchFilters {
  workspaceGid: string;
  text?: string;
  assignees?: string[];
  projects?: string[];
  completed?: boolean;
  dueAfter?: string;
  dueBefore?: string;
  limit: number;
}

export type SearchFallback = 'typeahead' | 'project_tasks';

interface FallbackTask extends TaskSummaryLike {
  assignee?: (Named & { email?: string | null }) | null;
}

/** Asana's largest page, and typeahead's largest answer. */
const FETCH_MAX = 100;

/** The summary fields plus what the filters applied here read. */
const FALLBACK_FIELDS = `${TASK_SUMMARY_FIELDS},assignee.email`;

export const isPaymentRequired = (error: unknown): error is ToolError => error instanceof ToolError && error.details.status === 402;

export async function searchWithoutPremium(api: AsanaApi, filters: SearchFilters, paymentError: ToolError, signal: AbortSignal) {
  const { projects, text } = filters;
  if (!projects && !text) {
    throw new ToolError(
      'forbidden',
      `${paymentError.message} Asana's task search needs a premium workspace. On this workspace give text (matched ` +
        'against task names by typeahead) or projects (their tasks are listed and filtered).',
      paymentError.details,
    );
  }
  const wanted = await filterOf(api, filters, signal);
  if (!projects) {
    const page = await api.list<FallbackTask>(`workspaces/${encodeURIComponent(filters.workspaceGid)}/typeahead`, {
      query: { resource_type: 'task', query: text, count: FETCH_MAX, opt_fields: FALLBACK_FIELDS },
      signal,
    });
    return {
      fallback: 'typeahead' as const,
      items: page.items.filter(wanted).slice(0, filters.limit),
      note:
        `${premiumOnly}: these come from Asana's typeahead on the text (task names, best matches first, at most ` +
        `${FETCH_MAX} looked at), with the other filters applied here; not exhaustive and no further pages. ` +
        'Give projects to list their tasks instead.',
    };
  }
  const pages = await Promise.all(
    projects.map((project) =>
      api.list<FallbackTask>(`projects/${encodeURIComponent(project)}/tasks`, {
        // "Completed since now" is Asana's way to ask for open tasks only.
        query: { limit: FETCH_MAX, completed_since: filters.completed === false ? 'now' : undefined, opt_fields: FALLBACK_FIELDS },
        signal,
      }),
    ),
  );
  // A task in several of the projects is listed once.
  const unique = new Map(pages.flatMap((page) => page.items).map((task) => [task.gid, task]));
  const matches = [...unique.values()].filter(wanted);
  const cut = pages.some((page) => page.nextOffset) || matches.length > filters.limit;
  return {
    fallback: 'project_tasks' as const,
    items: matches.slice(0, filters.limit),
    note:
      `${premiumOnly}: these are the tasks of the given projects (the first ${FETCH_MAX} of each), filtered here, in ` +
      `project order; not a workspace search and not sorted.${cut ? ' More may match: page through list_project_tasks.' : ''}`,
  };
}

const premiumOnly = "Asana's search API needs a premium workspace (it answered 402)";

/** The filters Asana could not apply, as a test on one task; "me" is looked up once. */
async function filterOf(api: AsanaApi, filters: SearchFilters, signal: AbortSignal) {
  const me = filters.assignees?.includes('me') ? await api.get<Named>('users/me', { query: { opt_fields: 'gid' }, signal }) : undefined;
  const assignees = new Set(filters.assignees?.map((who) => (who === 'me' ? (me?.gid ?? who) : who.toLowerCase())));
  const words = filters.projects && filters.text ? filters.text.toLowerCase().split(/\s+/).filter(Boolean) : [];
  return (task: FallbackTask) => {
    const due = task.due_on ?? task.due_at?.slice(0, 10) ?? undefined;
    const assignee = task.assignee;
    return (
      (filters.completed === undefined || (task.completed ?? false) === filters.completed) &&
      (!filters.assignees || (!!assignee && (assignees.has(assignee.gid) || assignees.has(assignee.email?.toLowerCase() ?? '')))) &&
      (!filters.dueAfter || (!!due && due > filters.dueAfter)) &&
      (!filters.dueBefore || (!!due && due < filters.dueBefore)) &&
      words.every((word) => (task.name ?? '').toLowerCase().includes(word))
    );
  };
}
