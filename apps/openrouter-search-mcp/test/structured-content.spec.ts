import { HttpResponse, connectInMemory, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { openrouterSearchApp } from '../src/app';
import { openrouterSearchTools } from '../src/tools';
import { callTool, json, modelsRoute, route, writeEnv } from './fake-upstream';
import { CREDITS, KEY, chatCompletion, endpoint, endpointsOf, provider } from './fixtures/openrouter';

/** One documented answer per endpoint, and one call per tool: every tool of the server is here. */
const handlers: RequestHandler[] = [
  modelsRoute().handler,
  route('get', '/models/openai/gpt-4o/endpoints', () => HttpResponse.json(endpointsOf('openai/gpt-4o', [endpoint('OpenAI'), endpoint('Azure')]))).handler,
  route('get', '/providers', () => HttpResponse.json({ data: [provider('OpenAI'), provider('Azure')] })).handler,
  route('get', '/key', () => HttpResponse.json(KEY)).handler,
  route('get', '/credits', () => HttpResponse.json(CREDITS)).handler,
  route('post', '/chat/completions', () => HttpResponse.json(chatCompletion('openai/gpt-4o-mini', 'ok'))).handler,
];

const calls: Record<string, Record<string, unknown>> = {
  search_models: { query: 'gpt', limit: 1 },
  get_model: { id: 'openai/gpt-4o' },
  list_model_endpoints: { id: 'openai/gpt-4o' },
  compare_models: { ids: ['openai/gpt-4o', 'openai/gpt-4o-mini'] },
  recommend_models: { requiredParameters: ['tools'] },
  list_providers: { limit: 1 },
  get_key_usage: {},
  get_credits: {},
  test_model: { model: 'openai/gpt-4o-mini' },
};

describe('structured content', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(...handlers));

  it('covers every tool, and every tool lists an output schema', async () => {
    expect(Object.keys(calls).sort()).toEqual(openrouterSearchTools.map((tool) => tool.name).sort());
    const { client, close } = await connectInMemory(openrouterSearchApp, { env: writeEnv });
    try {
      const listed = (await client.listTools()).tools;
      expect(listed.filter((tool) => tool.outputSchema?.type !== 'object').map((tool) => tool.name)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(openrouterSearchTools.map((tool) => [tool.name, tool] as const))('%s: structuredContent equals the text and validates against the output schema', async (name, tool) => {
    const result = await callTool(name, calls[name] ?? {}, writeEnv);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(json(result));
    expect(tool.output?.safeParse(result.structuredContent).error).toBeUndefined();
  });
});
