import { pageInput, pageOutput, tokenCursor } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { PAGE_INFO, relayNextCursor, type PageInfo } from '../linear-api';
import { CYCLE_TIMING, teamFilter } from '../filters';

const LIST_CYCLES = `
query ListCycles($first: Int!, $after: String, $filter: CycleFilter, $includeArchived: Boolean) {
  cycles(first: $first, after: $after, filter: $filter, includeArchived: $includeArchived) {
    nodes { id number name description startsAt endsAt completedAt progress isActive isNext isPrevious isFuture team { key } }
    ${PAGE_INFO}
  }
}`;

interface CycleNode {
  id: string;
  number: number;
  name?: string | null;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  completedAt?: string | null;
  progress: number;
  isActive: boolean;
  isNext: boolean;
  isPrevious: boolean;
  isFuture: boolean;
  team: { key: string };
}

/** Which cycles, as Linear's CycleFilter flags. */
const WHEN_FILTER = {
  ...CYCLE_TIMING,
  upcoming: { isFuture: { eq: true } },
  past: { isPast: { eq: true } },
} as const;

const cycleOutput = z.object({
  id: z.string(),
  number: z.number().describe('Cycle number within its team.'),
  name: z.string().nullable(),
  description: z.string().nullable(),
  team: z.string().describe('Team key.'),
  timing: z.enum(['current', 'next', 'previous', 'upcoming', 'past']).describe('Where the cycle stands today; next is also upcoming.'),
  startsAt: z.string(),
  endsAt: z.string(),
  completedAt: z.string().nullable(),
  progress: z.number().describe('0-1, completed scope over total scope.'),
});

function timing(cycle: CycleNode): z.infer<typeof cycleOutput>['timing'] {
  if (cycle.isActive) return 'current';
  if (cycle.isNext) return 'next';
  if (cycle.isPrevious) return 'previous';
  return cycle.isFuture ? 'upcoming' : 'past';
}

export const listCycles = defineLinearTool({
  name: 'list_cycles',
  toolset: 'cycles',
  title: 'List cycles',
  description:
    'Lists cycles (sprints), optionally of one team and only the current, next, previous, upcoming or past ' +
    'ones: id, number, name, team key, start and end, progress (0-1) and where each stands today. Use it to ' +
    'answer "what is in this sprint" (then list_issues) or to find a cycle id. Returns { items, nextCursor }; ' +
    'up to 100 per page.',
  input: z.object({
    team: z.string().trim().min(1).max(200).optional().describe('Team key (e.g. "ENG"), team name, or team id.'),
    when: z.enum(['current', 'next', 'previous', 'upcoming', 'past']).optional().describe('Only the current, next, previous, upcoming (all future) or past cycles.'),
    includeArchived: z.boolean().default(false).describe('Include archived cycles (default false).'),
    ...pageInput({ defaultLimit: 25 }),
  }),
  output: pageOutput(cycleOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const filter = {
      ...(input.team ? { team: teamFilter(input.team) } : {}),
      ...(input.when ? WHEN_FILTER[input.when] : {}),
    };
    const { cycles } = await ctx.linear.query<{ cycles: { nodes: CycleNode[]; pageInfo: PageInfo } }>(LIST_CYCLES, {
      first: input.limit,
      after: tokenCursor.read(input.cursor),
      filter: Object.keys(filter).length ? filter : undefined,
      includeArchived: input.includeArchived,
    });
    return {
      items: cycles.nodes.map((cycle) => ({
        id: cycle.id,
        number: cycle.number,
        name: cycle.name ?? null,
        description: cycle.description ?? null,
        team: cycle.team.key,
        timing: timing(cycle),
        startsAt: cycle.startsAt,
        endsAt: cycle.endsAt,
        completedAt: cycle.completedAt ?? null,
        progress: cycle.progress,
      })),
      nextCursor: relayNextCursor(cycles.pageInfo),
    };
  },
});
