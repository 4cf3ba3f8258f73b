import { isUuid } from './inputs';

/**
 * Linear filter objects built from what a user would say: names and keys match
 * case-insensitively, and a UUID matches the id, so a value copied from another tool's result
 * always works.
 */

/** The list_issues filters. */
export interface IssueFilterInput {
  team?: string;
  state?: string;
  stateType?: string;
  assignee?: string;
  label?: string;
  project?: string;
  cycle?: string;
  query?: string;
}

const ignoringCase = (value: string) => ({ eqIgnoreCase: value });

/** One Linear IssueFilter from names, keys, "me" and ids; undefined when nothing narrows. */
export function issueFilter(input: IssueFilterInput): Record<string, unknown> | undefined {
  const filter: Record<string, unknown> = {};
  if (input.team) filter['team'] = teamFilter(input.team);
  if (input.state || input.stateType) {
    filter['state'] = {
      ...(input.state ? { name: ignoringCase(input.state) } : {}),
      ...(input.stateType ? { type: { eq: input.stateType } } : {}),
    };
  }
  if (input.assignee) filter['assignee'] = assigneeFilter(input.assignee);
  if (input.label) filter['labels'] = { some: { name: ignoringCase(input.label) } };
  if (input.project) filter['project'] = projectFilter(input.project);
  if (input.cycle) filter['cycle'] = cycleFilter(input.cycle);
  if (input.query) filter['title'] = { containsIgnoreCase: input.query };
  return Object.keys(filter).length ? filter : undefined;
}

/** A project by name or id. */
export function projectFilter(project: string): Record<string, unknown> {
  return isUuid(project) ? { id: { eq: project } } : { name: ignoringCase(project) };
}

/** The cycles an issue filter or list_cycles can name: the team's current, next or previous one. */
export const CYCLE_TIMING = {
  current: { isActive: { eq: true } },
  next: { isNext: { eq: true } },
  previous: { isPrevious: { eq: true } },
} as const;

/** A cycle by "current"/"next"/"previous", number, or id. */
function cycleFilter(cycle: string): Record<string, unknown> {
  const value = cycle.trim().toLowerCase();
  if (value in CYCLE_TIMING) return CYCLE_TIMING[value as keyof typeof CYCLE_TIMING];
  if (/^\d+$/.test(value)) return { number: { eq: Number(value) } };
  return { id: { eq: cycle.trim() } };
}

/** A team by key ("ENG"), name or id. */
export function teamFilter(team: string): Record<string, unknown> {
  return isUuid(team) ? { id: { eq: team } } : { or: [{ key: ignoringCase(team) }, { name: ignoringCase(team) }] };
}

function assigneeFilter(assignee: string): Record<string, unknown> {
  const value = assignee.trim();
  if (value.toLowerCase() === 'me') return { isMe: { eq: true } };
  if (value.toLowerCase() === 'none') return { null: true };
  if (isUuid(value)) return { id: { eq: value } };
  if (value.includes('@')) return { email: ignoringCase(value) };
  return { or: [{ name: ignoringCase(value) }, { displayName: ignoringCase(value) }] };
}
