import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, json, modelsRoute, openrouterError, route } from './fake-upstream';
import { CATALOGUE, endpoint, endpointsOf, model } from './fixtures/openrouter';

describe('get_model', () => {
  const fake = useFakeUpstream();

  it('returns one model in full from the catalogue', async () => {
    fake.use(modelsRoute().handler);
    const { model: found, catalog } = json(await callTool('get_model', { id: 'anthropic/claude-sonnet-4' }));
    expect(found).toMatchObject({
      id: 'anthropic/claude-sonnet-4',
      pricePerMillion: { prompt: 3, completion: 15 },
      contextLength: 200000,
      supportedParameters: ['tools', 'reasoning', 'max_tokens'],
      description: 'Claude Sonnet 4 excels at coding and agentic tasks.',
      canonicalSlug: 'anthropic/claude-sonnet-4-20250101',
      tokenizer: 'Other',
      otherPrices: {},
    });
    expect(catalog.models).toBe(CATALOGUE.length);
  });

  it('answers an unknown id with similar ids', async () => {
    fake.use(modelsRoute().handler);
    expect(resultError(await callTool('get_model', { id: 'openai/gpt-4' }))).toBe(
      'not_found: No OpenRouter model has the id "openai/gpt-4". Similar ids: openai/gpt-4o, openai/gpt-4o-mini.',
    );
  });

  it('caps a very long description with a marker', async () => {
    fake.use(modelsRoute([model('acme/verbose', { description: 'x'.repeat(50_000) })]).handler);
    const { description } = json(await callTool('get_model', { id: 'acme/verbose' })).model;
    expect(description.length).toBeLessThan(1700);
    expect(description).toMatch(/… \[truncated: 48500 more characters not shown\]$/);
  });
});

describe('compare_models', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(modelsRoute().handler));

  it('puts models side by side and names the winners and the uneven parameters', async () => {
    const result = json(await callTool('compare_models', { ids: ['openai/gpt-4o', 'google/gemini-2.5-flash', 'anthropic/claude-sonnet-4'] }));
    expect(result.models.map((m: { id: string }) => m.id)).toEqual(['openai/gpt-4o', 'google/gemini-2.5-flash', 'anthropic/claude-sonnet-4']);
    expect(result).toMatchObject({
      cheapest: 'google/gemini-2.5-flash',
      largestContext: 'google/gemini-2.5-flash',
      newest: 'google/gemini-2.5-flash',
      notSupportedByAll: {
        structured_outputs: ['openai/gpt-4o', 'google/gemini-2.5-flash'],
        response_format: ['openai/gpt-4o', 'google/gemini-2.5-flash'],
        reasoning: ['google/gemini-2.5-flash', 'anthropic/claude-sonnet-4'],
      },
    });
  });

  it('names every unknown id, and takes 2-8 ids only', async () => {
    expect(resultError(await callTool('compare_models', { ids: ['openai/gpt-4o', 'nobody/nothing'] }))).toBe(
      'not_found: Unknown model ids: "nobody/nothing" (Find the id with search_models.)',
    );
    expect(resultError(await callTool('compare_models', { ids: ['openai/gpt-4o'] }))).toMatch(/^invalid_input: [\s\S]*at ids/);
    expect(resultError(await callTool('compare_models', { ids: Array.from({ length: 9 }, (_, i) => `a/m${i}`) }))).toMatch(/^invalid_input: [\s\S]*at ids/);
  });
});

describe('list_model_endpoints', () => {
  const fake = useFakeUpstream();
  const endpoints = () =>
    route('get', '/models/openai/gpt-4o/endpoints', () =>
      HttpResponse.json(
        endpointsOf('openai/gpt-4o', [
          endpoint('OpenAI', { prompt: '0.0000025', completion: '0.00001', uptime: 99.9, latency: 0.4, throughput: 80 }),
          endpoint('Azure', { prompt: '0.000002', completion: '0.00001', uptime: 97.1, latency: 0.9, throughput: 60 }),
        ]),
      ),
    );

  it('asks /models/{author}/{slug}/endpoints and returns compact per-provider stats, cheapest first', async () => {
    const route = endpoints();
    fake.use(route.handler);
    const result = json(await callTool('list_model_endpoints', { id: 'openai/gpt-4o' }));
    expect(route.received.map((request) => request.path)).toEqual(['/api/v1/models/openai/gpt-4o/endpoints']);
    expect(result.endpoints[0]).toEqual({
      provider: 'Azure',
      tag: 'azure',
      quantization: 'fp16',
      contextLength: 128000,
      maxCompletionTokens: 16384,
      pricePerMillion: { prompt: 2, completion: 10 },
      uptimeLast30m: 97.1,
      uptimeLast1d: 99.8,
      latencyP50Seconds: 0.9,
      throughputP50TokensPerSecond: 60,
      supports: ['tools'],
      status: 0,
    });
  });

  it.each([
    ['uptime', 'OpenAI'],
    ['latency', 'OpenAI'],
    ['throughput', 'OpenAI'],
    ['price', 'Azure'],
  ])('sorts by %s', async (sort, first) => {
    fake.use(endpoints().handler);
    expect(json(await callTool('list_model_endpoints', { id: 'openai/gpt-4o', sort })).endpoints[0].provider).toBe(first);
  });

  it('keeps a variant suffix in the slug and maps a 404 to not_found', async () => {
    const missing = route('get', '/models/meta-llama/llama-3.3-70b-instruct:free/endpoints', () => openrouterError(404, 'Model not found'));
    fake.use(missing.handler);
    expect(resultError(await callTool('list_model_endpoints', { id: 'meta-llama/llama-3.3-70b-instruct:free' }))).toBe(
      'not_found: OpenRouter found nothing there (HTTP 404): Model not found.',
    );
    expect(missing.received).toHaveLength(1);
  });

  it('refuses an id without an author', async () => {
    expect(resultError(await callTool('list_model_endpoints', { id: 'gpt-4o' }))).toMatch(/^invalid_input: [\s\S]*author\/slug/);
  });
});
