import {
  HttpResponse,
  bundlePath,
  callToolOverHttp,
  describeServerOverHttp,
  http,
  resultJson,
  serveFakeUpstream,
  type FakeUpstreamServer,
} from '@sophia/mcp-testing';
import { CATALOGUE } from '../test/fixtures/openrouter';

const configuredEnv = { OPENROUTER_API_KEY: 'sk-or-v1-e2e-key-000000', OPENROUTER_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'search_models', arguments: { query: 'gpt-4o-mini' } };

// The drain needs one upstream request per call; search_models shares one cached /models load.
describeServerOverHttp({
  app: 'openrouter-search-mcp',
  configuredEnv,
  sampleCall,
  drain: { call: { name: 'get_credits', arguments: {} } },
});

describe('openrouter-search-mcp over HTTP against a fake OpenRouter on loopback', () => {
  let openrouter: FakeUpstreamServer;
  const keys: Array<string | null> = [];
  beforeAll(async () => {
    openrouter = await serveFakeUpstream([
      http.get('*/models', ({ request }) => {
        keys.push(request.headers.get('authorization'));
        return HttpResponse.json({ data: CATALOGUE });
      }),
    ]);
  });
  afterAll(() => openrouter.close());

  it('answers both client generations from one /models request (the process caches the catalogue)', async () => {
    const env = { ...configuredEnv, OPENROUTER_API_URL: openrouter.url };
    const results = await callToolOverHttp(bundlePath('openrouter-search-mcp'), env, sampleCall);
    expect(results).toHaveLength(2);
    for (const result of results) {
      const page = resultJson<{ total: number; items: Array<{ id: string }>; catalog: { models: number; ttlSeconds: number } }>(result);
      expect(page.items.map((item) => item.id)).toEqual(['openai/gpt-4o-mini']);
      expect(page.catalog).toMatchObject({ models: CATALOGUE.length, ttlSeconds: 3600 });
      expect(result.structuredContent).toEqual(page);
    }
    expect(openrouter.requests.map((request) => request.path)).toEqual(['/models?output_modalities=all']);
    expect(keys).toEqual(['Bearer sk-or-v1-e2e-key-000000']);
  });
});
