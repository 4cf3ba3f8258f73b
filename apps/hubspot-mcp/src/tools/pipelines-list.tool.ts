import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineHubspotTool } from '../context';
import { objectType } from '../inputs';
import { localPage, nextCursorField } from '../records';

/** Stage metadata comes as strings: probability "0.2", isClosed "true", ticketState "OPEN". */
const upstreamPipelines = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      displayOrder: z.number().optional(),
      archived: z.boolean().optional(),
      stages: z
        .array(
          z.object({
            id: z.string(),
            label: z.string(),
            displayOrder: z.number().optional(),
            archived: z.boolean().optional(),
            metadata: z.record(z.string(), z.unknown()).optional(),
          }),
        )
        .default([]),
    }),
  ),
});

const stage = z.object({
  id: z.string().describe('Stage id: the value of dealstage / hs_pipeline_stage on records.'),
  label: z.string(),
  probability: z.number().optional().describe('Deal stages: win probability, 0 to 1.'),
  closed: z.boolean().optional(),
  ticketState: z.string().optional().describe('Ticket stages: OPEN or CLOSED.'),
});

const output = z.object({
  results: z.array(z.object({ id: z.string(), label: z.string(), stages: z.array(stage) })),
  nextCursor: nextCursorField,
});

export const listPipelines = defineHubspotTool({
  name: 'list_pipelines',
  toolset: 'schema',
  title: 'List pipelines and stages',
  description:
    'Lists the pipelines of deals or tickets (or another object type with pipelines) and their stages in board ' +
    'order: stage ids and labels, win probability and whether a stage is closed. Use it to turn a dealstage or ' +
    'hs_pipeline_stage id into a name, or to find the stage id to filter on or set. Archived pipelines and stages ' +
    'are left out. Returns a page of pipelines and nextCursor.',
  input: z.object({
    objectType: objectType.default('deals').describe('Object type whose pipelines to list: deals (default), tickets, …'),
    ...pageInput({ defaultLimit: 20, maxLimit: 100 }),
  }),
  output,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    // HubSpot answers every pipeline of the type at once; the pages are ours.
    const { results } = await ctx.hubspot.get(`crm/v3/pipelines/${input.objectType}`, upstreamPipelines);
    const live = results.filter((pipeline) => !pipeline.archived).sort(byDisplayOrder);
    const { page, nextCursor } = localPage(live, input.cursor, input.limit);
    return {
      results: page.map((pipeline) => ({
        id: pipeline.id,
        label: pipeline.label,
        stages: pipeline.stages.filter((s) => !s.archived).sort(byDisplayOrder).map(compactStage),
      })),
      nextCursor,
    } satisfies z.input<typeof output>;
  },
});

const byDisplayOrder = (a: { displayOrder?: number }, b: { displayOrder?: number }) =>
  (a.displayOrder ?? 0) - (b.displayOrder ?? 0);

function compactStage(s: z.output<typeof upstreamPipelines>['results'][number]['stages'][number]): z.input<typeof stage> {
  const probability = Number(s.metadata?.['probability']);
  const isClosed = s.metadata?.['isClosed'];
  const ticketState = s.metadata?.['ticketState'];
  return {
    id: s.id,
    label: s.label,
    ...(s.metadata?.['probability'] !== undefined && Number.isFinite(probability) ? { probability } : {}),
    ...(isClosed !== undefined ? { closed: String(isClosed) === 'true' } : {}),
    ...(typeof ticketState === 'string' ? { ticketState } : {}),
  };
}
