import { HttpResponse, resultError, resultJson, toolCaller, useFakeUpstream } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';
import { closeDatabases } from '../src/context';
import { EMBEDDINGS_MODEL, conceptVector, embeddingsRoute, tempDataDir, withEmbeddings } from './fake-embeddings';

interface Hit {
  score: number;
  textRank?: number;
  vectorRank?: number;
  similarity?: number;
  memory: { id: string; text: string; embedded: boolean };
}
interface SearchResult {
  mode: string;
  note?: string;
  results: Hit[];
}

// One embedded store for the file. Servers with and without the embeddings endpoint share it.
const data = tempDataDir();
const textOnlyEnv = { AI_MEMORY_DATA_DIR: data.dir };
const vectorEnv = withEmbeddings(data.dir);
const callTool = toolCaller(aiMemoryApp, vectorEnv);
afterAll(async () => {
  await closeDatabases();
  data.remove();
});

describe('search_memories, full-text only (no embeddings endpoint)', () => {
  const user = { user_id: 'fts' };
  beforeAll(async () => {
    for (const text of [
      'Drinks coffee every morning before running.',
      'Likes coffee.',
      'Went running in the park on Sunday.',
      'Prefers green tea in the afternoon.',
    ]) {
      await callTool('add_memory', { ...user, text }, textOnlyEnv);
    }
  });

  it('ranks by ts_rank: the memory matching every term first; English stemming matches "runs"', async () => {
    const result = resultJson(await callTool('search_memories', { ...user, query: 'coffee OR morning OR runs' }, textOnlyEnv)) as SearchResult;
    expect(result.mode).toBe('text');
    expect(result.note).toMatch(/vector search is off/);
    const texts = result.results.map((hit) => hit.memory.text);
    expect(texts[0]).toBe('Drinks coffee every morning before running.');
    expect(new Set(texts)).toEqual(
      new Set(['Drinks coffee every morning before running.', 'Likes coffee.', 'Went running in the park on Sunday.']),
    );
    expect(result.results.every((hit) => hit.textRank !== undefined && hit.vectorRank === undefined)).toBe(true);
    expect(result.results.map((hit) => hit.score)).toEqual([...result.results.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('understands web-search syntax: phrases and exclusions', async () => {
    const phrase = resultJson(await callTool('search_memories', { ...user, query: '"green tea"' }, textOnlyEnv)) as SearchResult;
    expect(phrase.results.map((hit) => hit.memory.text)).toEqual(['Prefers green tea in the afternoon.']);
    const excluded = resultJson(await callTool('search_memories', { ...user, query: 'coffee -morning' }, textOnlyEnv)) as SearchResult;
    expect(excluded.results.map((hit) => hit.memory.text)).toEqual(['Likes coffee.']);
  });

  it('limits results and refuses vector mode and bad input', async () => {
    const limited = resultJson(await callTool('search_memories', { ...user, query: 'coffee OR running', limit: 1 }, textOnlyEnv)) as SearchResult;
    expect(limited.results).toHaveLength(1);
    expect(resultError(await callTool('search_memories', { ...user, query: 'coffee', mode: 'vector' }, textOnlyEnv))).toMatch(
      /^invalid_input: mode "vector" needs an embeddings endpoint/,
    );
    expect(resultError(await callTool('search_memories', { ...user, query: '' }, textOnlyEnv))).toMatch(/^invalid_input: [^]*query/);
    expect(resultError(await callTool('search_memories', { ...user, query: 'x', limit: 51 }, textOnlyEnv))).toMatch(/^invalid_input: [^]*limit/);
  });
});

describe('search_memories with an embeddings endpoint (fake OpenAI-compatible API)', () => {
  const fake = useFakeUpstream();
  const user = { user_id: 'vec' };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // useFakeUpstream's handlers are per test; this setup registers its own for the adds.
    const route = embeddingsRoute();
    fake.use(route.handler);
    for (const [key, text] of Object.entries({
      both: 'My dog needs food twice a day.',
      vectorOnly: 'The puppy is afraid of thunder.',
      textOnly: 'Food truck visits on Fridays.',
      unrelated: 'Espresso after lunch.',
    })) {
      ids[key] = ((resultJson(await callTool('add_memory', { ...user, text })) as Hit['memory']).id);
    }
    expect(route.received).toHaveLength(4);
  });

  it('embeds with the configured model and key, sending OpenAI\'s request shape', async () => {
    const route = embeddingsRoute();
    fake.use(route.handler);
    const added = resultJson(await callTool('add_memory', { user_id: 'vec-shape', text: 'Kitten sleeps all day.' })) as Hit['memory'];
    expect(added.embedded).toBe(true);
    expect(route.received).toHaveLength(1);
    expect(route.received[0]?.body).toEqual({ model: EMBEDDINGS_MODEL, input: ['Kitten sleeps all day.'], encoding_format: 'float' });
    expect(route.received[0]?.headers.get('authorization')).toBe('Bearer test-embeddings-key-000');
  });

  it('vector mode finds synonyms full-text cannot, by cosine similarity', async () => {
    fake.use(embeddingsRoute().handler);
    const text = resultJson(await callTool('search_memories', { ...user, query: 'canine', mode: 'text' })) as SearchResult;
    expect(text.results).toEqual([]);
    const vector = resultJson(await callTool('search_memories', { ...user, query: 'canine', mode: 'vector', limit: 2 })) as SearchResult;
    expect(vector.mode).toBe('vector');
    expect(vector.results.map((hit) => hit.memory.id).sort()).toEqual([ids['both'], ids['vectorOnly']].sort());
    for (const hit of vector.results) expect(hit.similarity).toBeGreaterThan(0.7);
    const all = resultJson(await callTool('search_memories', { ...user, query: 'canine', mode: 'vector' })) as SearchResult;
    expect(all.results.slice(2).every((hit) => (hit.similarity ?? 1) < 0.1)).toBe(true);
  });

  it('hybrid fuses both rankings: a memory found by both ranks above one found by either', async () => {
    const route = embeddingsRoute();
    fake.use(route.handler);
    const result = resultJson(await callTool('search_memories', { ...user, query: 'dog food' })) as SearchResult;
    expect(result.mode).toBe('hybrid');
    expect(result.note).toBeUndefined();
    const [first, ...rest] = result.results;
    expect(first?.memory.id).toBe(ids['both']);
    expect(first?.textRank).toBe(1);
    expect(first?.vectorRank).toBe(1);
    // "dog food" in full text needs both words; the text-only memory has only "food".
    const byId = new Map(rest.map((hit) => [hit.memory.id, hit]));
    expect(byId.get(ids['vectorOnly'])?.vectorRank).toBeGreaterThan(1);
    expect(byId.get(ids['vectorOnly'])?.textRank).toBeUndefined();
    expect(first?.score).toBeCloseTo(2 / 61, 6);
    expect(route.received.map((request) => (request.body as { input: string[] }).input)).toEqual([['dog food']]);

    const either = resultJson(await callTool('search_memories', { ...user, query: 'dog OR food' })) as SearchResult;
    const position = (key: string) => either.results.findIndex((hit) => hit.memory.id === ids[key]);
    expect(position('both')).toBe(0);
    expect(position('textOnly')).toBeGreaterThan(0);
    expect(position('vectorOnly')).toBeGreaterThan(0);
  });

  it('re-embeds an updated text, and drops a stale vector when no endpoint is configured', async () => {
    const route = embeddingsRoute();
    fake.use(route.handler);
    const memory = resultJson(await callTool('add_memory', { user_id: 'vec-update', text: 'Owns a cat.' })) as Hit['memory'];
    await callTool('update_memory', { user_id: 'vec-update', id: memory.id, text: 'Owns a sedan.' });
    expect(route.received.map((request) => (request.body as { input: string[] }).input[0])).toEqual(['Owns a cat.', 'Owns a sedan.']);
    const found = resultJson(await callTool('search_memories', { user_id: 'vec-update', query: 'automobile', mode: 'vector' })) as SearchResult;
    expect(found.results[0]?.similarity).toBeGreaterThan(0.9);

    const updated = resultJson(await callTool('update_memory', { user_id: 'vec-update', id: memory.id, text: 'Owns a bike.' }, textOnlyEnv)) as Hit['memory'];
    expect(updated.embedded).toBe(false);
    const afterStale = resultJson(await callTool('search_memories', { user_id: 'vec-update', query: 'automobile', mode: 'vector' })) as SearchResult;
    expect(afterStale.results).toEqual([]);
  });

  it('reports embeddings API failures precisely and stores nothing', async () => {
    fake.use(
      embeddingsRoute(() => HttpResponse.json({ error: { message: 'Invalid API key' } }, { status: 401 })).handler,
    );
    const message = resultError(await callTool('add_memory', { user_id: 'vec-fail', text: 'Never stored.' }));
    expect(message).toMatch(/^unauthorized: /);
    expect(message).toContain('Invalid API key');
    expect(resultJson(await callTool('list_memories', { user_id: 'vec-fail' }, textOnlyEnv))).toEqual({ items: [] });
  });

  it('refuses an embeddings answer without a numeric vector', async () => {
    fake.use(embeddingsRoute(() => HttpResponse.json({ data: [{ embedding: 'oops', index: 0 }], model: 'x' })).handler);
    expect(resultError(await callTool('search_memories', { ...user, query: 'dog' }))).toMatch(
      /^upstream_error: the embeddings API answered without a numeric embedding/,
    );
  });

  it('the fake model gives synonyms the same direction (sanity check of the fixture)', () => {
    expect(conceptVector('puppy')).toEqual(conceptVector('dog'));
    expect(conceptVector('puppy')).not.toEqual(conceptVector('cat'));
  });
});
