/** OpenRouter for search_models: the fixtures' model catalogue (the server caches it, so this answers once per TTL). */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { CATALOGUE } from '../../../../apps/openrouter-search-mcp/test/fixtures/openrouter';

export const handlers = [http.get('*/api/v1/models', () => HttpResponse.json({ data: CATALOGUE }))];
