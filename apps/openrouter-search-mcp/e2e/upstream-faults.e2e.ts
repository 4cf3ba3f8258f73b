import { FAULT_CASES, HttpResponse, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { CATALOGUE, KEY, endpoint, endpointsOf } from '../test/fixtures/openrouter';

const apiKey = 'sk-or-v1-fault-suite-key-0000';

describeUpstreamFaults({
  app: 'openrouter-search-mcp',
  // A zero TTL: every call fetches /models again, so each fault meets the catalogue fetch.
  env: (url) => ({ OPENROUTER_API_KEY: apiKey, OPENROUTER_API_URL: url, OPENROUTER_MODELS_TTL_SECONDS: '0' }),
  handlers: [
    http.get('*/models', () => HttpResponse.json({ data: CATALOGUE })),
    http.get('*/models/openai/gpt-4o/endpoints', () => HttpResponse.json(endpointsOf('openai/gpt-4o', [endpoint('OpenAI')]))),
    http.get('*/key', () => HttpResponse.json(KEY)),
  ],
  calls: [
    { name: 'search_models', arguments: { query: 'gpt' } },
    { name: 'list_model_endpoints', arguments: { id: 'openai/gpt-4o' } },
    { name: 'get_key_usage', arguments: {} },
  ],
  secretValues: [apiKey],
  // OpenRouter wraps every answer in `{ data }`: JSON without it is not an answer either.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
