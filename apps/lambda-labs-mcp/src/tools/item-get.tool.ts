import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';

export const getItem = defineLambdaLabsTool({
  name: 'get_item',
  toolset: 'items',
  title: 'Get an item',
  description:
    'Reads one item by id from the Lambda Cloud API and returns its JSON unchanged. ' +
    'An example from the generator: point it at a real endpoint or replace it.',
  input: z.object({
    id: z.string().min(1).describe('Value of {id} in /items/{id}.'),
    query: z.record(z.string(), z.string()).optional().describe('Query parameters, e.g. { "limit": "10" }.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ id, query }, ctx) =>
    ctx.api.request('get', `/items/${encodeURIComponent(id)}`, { searchParams: query, signal: ctx.signal }),
});
