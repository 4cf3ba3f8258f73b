import { resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, json, modelsRoute } from './fake-upstream';

describe('search_models', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(modelsRoute().handler));
  const ids = async (args: Record<string, unknown>) => json(await callTool('search_models', args)).items.map((item: { id: string }) => item.id);

  it('matches every word of the query over id, name and description, id/name hits first', async () => {
    expect(await ids({ query: 'coding' })).toEqual(['anthropic/claude-sonnet-4', 'openai/gpt-4o']);
    expect(await ids({ query: 'gemini flash' })).toEqual(['google/gemini-2.5-flash', 'google/gemini-2.5-flash-image']);
    expect(await ids({ query: 'gemini nothing-like-this' })).toEqual([]);
  });

  it('returns compact summaries with prices per million tokens', async () => {
    const result = json(await callTool('search_models', { query: 'gpt-4o-mini' }));
    expect(result.items).toEqual([
      {
        id: 'openai/gpt-4o-mini',
        name: 'OpenAI: GPT-4o-mini',
        contextLength: 128000,
        pricePerMillion: { prompt: 0.15, completion: 0.6 },
        inputModalities: ['text', 'image'],
        outputModalities: ['text'],
        maxCompletionTokens: 16384,
        supports: ['tools', 'structured_outputs', 'response_format'],
        created: '2024-07-18',
      },
    ]);
    expect(result.total).toBe(1);
  });

  it.each([
    [{ provider: 'OpenAI' }, ['openai/gpt-4o-mini', 'openai/gpt-4o']],
    [{ inputModalities: ['audio'] }, ['google/gemini-2.5-flash']],
    [{ outputModalities: ['image'] }, ['google/gemini-2.5-flash-image']],
    [{ minContext: 200_000 }, ['google/gemini-2.5-flash', 'anthropic/claude-sonnet-4', 'openrouter/auto']],
    [{ maxPromptPricePerMillion: 0.2 }, ['meta-llama/llama-3.3-70b-instruct:free', 'openai/gpt-4o-mini']],
    [{ maxCompletionPricePerMillion: 3, requiredParameters: ['reasoning'] }, ['google/gemini-2.5-flash']],
    [{ requiredParameters: ['tools', 'structured_outputs'] }, ['google/gemini-2.5-flash', 'openai/gpt-4o-mini', 'openai/gpt-4o']],
  ])('filters by %j (newest first without a query)', async (filters, expected) => {
    expect(await ids(filters)).toEqual(expected);
  });

  it('sorts by price (variable-price routers last), context and newest', async () => {
    expect((await ids({ sort: 'price', limit: 3 }))).toEqual(['meta-llama/llama-3.3-70b-instruct:free', 'openai/gpt-4o-mini', 'google/gemini-2.5-flash']);
    expect((await ids({ sort: 'price', limit: 50 })).at(-1)).toBe('openrouter/auto');
    expect(await ids({ sort: 'context', limit: 2 })).toEqual(['openrouter/auto', 'google/gemini-2.5-flash']);
    expect(await ids({ sort: 'newest', limit: 2 })).toEqual(['google/gemini-2.5-flash-image', 'google/gemini-2.5-flash']);
  });

  it('pages with an opaque cursor until the last page, with no repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = json(await callTool('search_models', { sort: 'newest', limit: 3, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
      pages += 1;
      expect(page.total).toBe(7);
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
  });

  it('refuses a foreign cursor and an unknown sort', async () => {
    expect(resultError(await callTool('search_models', { cursor: 'not-ours!' }))).toBe('invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged');
    expect(resultError(await callTool('search_models', { sort: 'popularity' }))).toMatch(/^invalid_input: [\s\S]*at sort/);
  });
});
