import { z } from 'zod';
import { defineOpenrouterSearchTool } from '../context';
import { NOTABLE_PARAMETERS, blendedPerMillion, pricePerMillionSchema, pricesOf } from '../model-shapes';
import type { RawEndpoint } from '../openrouter-types';

const SORTS = ['price', 'uptime', 'latency', 'throughput'] as const;

const endpointSchema = z.object({
  provider: z.string(),
  tag: z.string().nullable().describe('Provider slug for provider routing (provider.order / only).'),
  quantization: z.string().nullable(),
  contextLength: z.number().nullable(),
  maxCompletionTokens: z.number().nullable(),
  pricePerMillion: pricePerMillionSchema,
  uptimeLast30m: z.number().nullable().describe('Percent of successful requests, last 30 minutes.'),
  uptimeLast1d: z.number().nullable(),
  latencyP50Seconds: z.number().nullable().describe('Median time to first token, last 30 minutes.'),
  throughputP50TokensPerSecond: z.number().nullable().describe('Median output speed, last 30 minutes.'),
  supports: z.array(z.string()),
  status: z.union([z.number(), z.string()]).nullable(),
});

export const listModelEndpoints = defineOpenrouterSearchTool({
  name: 'list_model_endpoints',
  toolset: 'models',
  title: 'List the provider endpoints of a model',
  description:
    'Every provider serving one model (GET /models/{author}/{slug}/endpoints): price per million tokens, context and ' +
    'output limits, quantization, uptime (30 min, 1 day), median latency and throughput, notable supported parameters. ' +
    'Sorted by price (default), uptime, latency or throughput. Use it to pick or pin a provider; not cached (live stats).',
  input: z.object({
    id: z.string().min(1).regex(/^[^/]+\/.+$/, 'expected author/slug, e.g. "openai/gpt-4o"').describe('Model id, author/slug.'),
    sort: z.enum(SORTS).default('price').describe('price (cheapest first) | uptime | latency (fastest first) | throughput.'),
  }),
  output: z.object({ id: z.string(), name: z.string().nullable(), endpoints: z.array(endpointSchema) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ id, sort }, ctx) => {
    const model = await ctx.api.modelEndpoints(id);
    const endpoints = model.endpoints.map(endpoint);
    endpoints.sort(ORDER[sort]);
    return { id: model.id ?? id, name: model.name ?? null, endpoints };
  },
});

type Endpoint = z.infer<typeof endpointSchema>;

/** Unknowns sort last in every order. */
const ascending = (pick: (e: Endpoint) => number | null) => (a: Endpoint, b: Endpoint) => (pick(a) ?? Infinity) - (pick(b) ?? Infinity);
const descending = (pick: (e: Endpoint) => number | null) => (a: Endpoint, b: Endpoint) => (pick(b) ?? -Infinity) - (pick(a) ?? -Infinity);

const ORDER: Record<(typeof SORTS)[number], (a: Endpoint, b: Endpoint) => number> = {
  price: ascending((e) => blendedPerMillion(e.pricePerMillion)),
  uptime: descending((e) => e.uptimeLast30m ?? e.uptimeLast1d),
  latency: ascending((e) => e.latencyP50Seconds),
  throughput: descending((e) => e.throughputP50TokensPerSecond),
};

function endpoint(raw: RawEndpoint): Endpoint {
  const supported = new Set(raw.supported_parameters ?? []);
  return {
    provider: raw.provider_name ?? raw.name ?? 'unknown',
    tag: raw.tag ?? null,
    quantization: raw.quantization ?? null,
    contextLength: raw.context_length ?? null,
    maxCompletionTokens: raw.max_completion_tokens ?? null,
    pricePerMillion: pricesOf(raw.pricing),
    uptimeLast30m: raw.uptime_last_30m ?? null,
    uptimeLast1d: raw.uptime_last_1d ?? null,
    latencyP50Seconds: raw.latency_last_30m?.p50 ?? null,
    throughputP50TokensPerSecond: raw.throughput_last_30m?.p50 ?? null,
    supports: NOTABLE_PARAMETERS.filter((parameter) => supported.has(parameter)),
    status: raw.status ?? null,
  };
}
