import { HttpResponse, describeStructuredContent, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { openrouterSearchApp } from '../src/app';
import { modelsRoute, route, writeEnv } from './fake-upstream';
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

  describeStructuredContent({ app: openrouterSearchApp, env: writeEnv, calls });
});
