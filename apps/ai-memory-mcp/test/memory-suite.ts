import { HttpResponse, connectInMemory, resultError, resultJson, toolCaller, useFakeUpstream, type InMemoryConnection } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';
import { openDatabase, type DatabaseLocation } from '../src/db';
import { migrate, migrations } from '../src/migrations';
import { EMBEDDINGS_MODEL, conceptVector, embeddingsRoute, withEmbeddings } from './fake-embeddings';

/** What the suite needs from its engine: where the store is, as a location and as server env. */
export interface SuiteTarget {
  engine: 'pglite' | 'postgresql';
  /** The server environment pointing at the store (AI_MEMORY_DATA_DIR or DATABASE_URL), no embeddings. */
  env: () => Record<string, string>;
  /** The same store, for opening it directly (migrations). */
  location: () => DatabaseLocation;
}

interface Memory {
  id: string;
  text: string;
  userId: string;
  agentId: string | null;
  namespace: string;
  tags: string[];
  metadata: Record<string, unknown>;
  entities: { name: string; type: string }[];
  version: number;
  embedded: boolean;
}
interface Page<T> {
  items: T[];
  nextCursor?: string;
}

interface Hit {
  score: number;
  textRank?: number;
  trigramRank?: number;
  vectorRank?: number;
  similarity?: number;
  memory: { id: string; text: string; userId: string; embedded: boolean };
}
interface SearchResult {
  mode: string;
  note?: string;
  results: Hit[];
}

/**
 * The behaviour every store engine must show, run once against embedded PGlite and once against a
 * real PostgreSQL server: one store per spec file, users keep the tests apart.
 */
export function describeMemoryBehaviour(target: SuiteTarget): void {
  const toolCall = toolCaller(aiMemoryApp, {});
  // Every call builds its own runtime; the last one to close would close the store and the next call
  // reopen it. One runtime, opened with the first call (after the migrations spec), keeps it open.
  let keepOpen: Promise<InMemoryConnection> | undefined;
  afterAll(async () => (await keepOpen)?.close());
  const caller = async (name: string, args: Record<string, unknown>, env: Record<string, string>) => {
    await (keepOpen ??= connectInMemory(aiMemoryApp, { env: target.env() }));
    return toolCall(name, args, env);
  };
  const textOnlyEnv = () => target.env();
  /** A server without an embeddings endpoint: full-text search only. */
  const callTool = (name: string, args: Record<string, unknown> = {}, env = textOnlyEnv()) => caller(name, args, env);
  /** A server with the fake embeddings API: every add and search calls it. */
  const vectorTool = (name: string, args: Record<string, unknown> = {}, env: Record<string, string> = withEmbeddings(textOnlyEnv())) =>
    caller(name, args, env);

  async function add(args: Record<string, unknown>): Promise<Memory> {
    return resultJson(await callTool('add_memory', args)) as Memory;
  }

  // First, before any tool call opens (and migrates) the store.
  describe(`schema migrations (${target.engine})`, () => {
    it('apply every version once, record them, and keep data across a reopen', async () => {
      const first = await openDatabase(target.location());
      expect(await migrate(first)).toEqual(migrations.map((migration) => migration.version));
      expect(await migrate(first)).toEqual([]);
      await first.query(`INSERT INTO ai_memory_memories (id, user_id, namespace, text) VALUES ('m1', 'migrations', 'default', 'kept')`);
      await first.close();

      const second = await openDatabase(target.location());
      expect(await migrate(second)).toEqual([]);
      const { rows: versions } = await second.query<{ version: number }>('SELECT version FROM ai_memory_schema_migrations ORDER BY version');
      expect(versions.map((row) => Number(row.version))).toEqual(migrations.map((migration) => migration.version));
      const { rows } = await second.query<{ text: string }>(`SELECT text FROM ai_memory_memories WHERE user_id = 'migrations'`);
      expect(rows).toEqual([{ text: 'kept' }]);
      await second.close();
    }, 60_000); // the first open of a fresh PGlite directory runs initdb
  });

  describe('add_memory and get_memory', () => {
    it('stores a memory with tags, metadata and entities and reads it back whole', async () => {
      const added = await add({
        user_id: 'ann',
        agent_id: 'planner',
        text: 'Ann prefers window seats on long flights.',
        tags: ['preference', 'travel'],
        metadata: { source: 'chat', confidence: 0.9 },
        entities: [{ name: 'Ann', type: 'person' }],
      });
      expect(added).toMatchObject({
        text: 'Ann prefers window seats on long flights.',
        userId: 'ann',
        agentId: 'planner',
        namespace: 'default',
        tags: ['preference', 'travel'],
        metadata: { source: 'chat', confidence: 0.9 },
        entities: [{ name: 'Ann', type: 'person' }],
        version: 1,
        embedded: false,
      });
      expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(resultJson(await callTool('get_memory', { user_id: 'ann', id: added.id }))).toEqual(added);
    });

    it('rejects bad input, naming the field, and stores nothing', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ text: 'no user' }, /user_id/],
        [{ user_id: 'bad-input', text: '   ' }, /text/],
        [{ user_id: 'bad-input', text: 'x'.repeat(8001) }, /text/],
        [{ user_id: 'bad-input', text: 'ok', tags: ['has space'] }, /tags/],
        [{ user_id: 'bad-input', text: 'ok', entities: [{ name: 'X', type: 'Not A Type' }] }, /entities/],
        [{ user_id: 'bad-input', text: 'ok', metadata: { nested: { a: 1 } } }, /metadata/],
      ];
      for (const [args, field] of cases) {
        const message = resultError(await callTool('add_memory', args));
        expect(message).toMatch(/^invalid_input: /);
        expect(message).toMatch(field);
      }
      expect(resultJson(await callTool('list_memories', { user_id: 'bad-input' }))).toEqual({ items: [] });
      expect(resultError(await callTool('get_memory', { user_id: 'bad-input', id: 'not-a-uuid' }))).toMatch(/^invalid_input: [^]*at id/);
    });
  });

  describe('update_memory', () => {
    it('replaces only the given fields, bumps the version and keeps every earlier version', async () => {
      const original = await add({ user_id: 'ben', text: 'Ben lives in Berlin.', tags: ['home'], entities: [{ name: 'Berlin', type: 'place' }] });
      const moved = resultJson(
        await callTool('update_memory', { user_id: 'ben', id: original.id, text: 'Ben lives in Lisbon.', entities: [{ name: 'Lisbon', type: 'place' }] }),
      ) as Memory;
      expect(moved).toMatchObject({ text: 'Ben lives in Lisbon.', tags: ['home'], version: 2, entities: [{ name: 'Lisbon', type: 'place' }] });
      await callTool('update_memory', { user_id: 'ben', id: original.id, tags: ['home', 'current'] });

      const withHistory = resultJson(await callTool('get_memory', { user_id: 'ben', id: original.id, include_history: true })) as Memory & {
        history: { version: number; text: string; tags: string[] }[];
      };
      expect(withHistory).toMatchObject({ text: 'Ben lives in Lisbon.', tags: ['home', 'current'], version: 3 });
      expect(withHistory.history.map(({ version, text, tags }) => ({ version, text, tags }))).toEqual([
        { version: 2, text: 'Ben lives in Lisbon.', tags: ['home'] },
        { version: 1, text: 'Ben lives in Berlin.', tags: ['home'] },
      ]);
      // Without include_history the history stays out of the result.
      expect(resultJson(await callTool('get_memory', { user_id: 'ben', id: original.id }))).not.toHaveProperty('history');
      // Entities follow the links: Berlin is no longer linked to any memory.
      const entities = resultJson(await callTool('list_entities', { user_id: 'ben' })) as Page<{ name: string }>;
      expect(entities.items.map((entity) => entity.name)).toEqual(['Lisbon']);
    });

    it('refuses an update without any field', async () => {
      const memory = await add({ user_id: 'ben', text: 'Ben drinks tea.' });
      expect(resultError(await callTool('update_memory', { user_id: 'ben', id: memory.id }))).toMatch(/^invalid_input: nothing to update/);
    });
  });

  describe('delete_memory', () => {
    it('deletes the memory for good; a second delete is not_found', async () => {
      const memory = await add({ user_id: 'cat', text: 'Temporary note.' });
      expect(resultJson(await callTool('delete_memory', { user_id: 'cat', id: memory.id }))).toEqual({ id: memory.id, deleted: true });
      expect(resultError(await callTool('get_memory', { user_id: 'cat', id: memory.id }))).toMatch(/^not_found: /);
      expect(resultError(await callTool('delete_memory', { user_id: 'cat', id: memory.id }))).toMatch(/^not_found: /);
    });
  });

  describe('delete_all_memories', () => {
    const count = async (args: Record<string, unknown>) => ((resultJson(await callTool('list_memories', { ...args, limit: 100 })) as Page<Memory>).items.length);

    it('says how many memories are in scope and deletes nothing until confirm_count matches', async () => {
      const kept = await add({ user_id: 'wipe', text: 'Wipe me one.', entities: [{ name: 'Wiper', type: 'person' }] });
      await add({ user_id: 'wipe', text: 'Wipe me two.', entities: [{ name: 'Wiper', type: 'person' }] });
      await callTool('update_memory', { user_id: 'wipe', id: kept.id, text: 'Wipe me one, edited.' });

      const preview = await callTool('delete_all_memories', { user_id: 'wipe' });
      expect(preview.structuredContent).toEqual({ inScope: 2, deleted: 0, next: expect.stringMatching(/confirm_count: 2/) });
      expect(resultError(await callTool('delete_all_memories', { user_id: 'wipe', confirm_count: 3 }))).toMatch(
        /^conflict: confirm_count 3 does not match the 2 memories in this user_id\/namespace; nothing was deleted/,
      );
      expect(await count({ user_id: 'wipe' })).toBe(2);

      expect(resultJson(await callTool('delete_all_memories', { user_id: 'wipe', confirm_count: 2 }))).toEqual({ inScope: 2, deleted: 2 });
      expect(await count({ user_id: 'wipe' })).toBe(0);
      expect(resultJson(await callTool('list_entities', { user_id: 'wipe' }))).toEqual({ items: [] });
      // History and entity links went with the memories, as with delete_memory.
      if (target.engine === 'postgresql') {
        // (PGlite's directory is held by the server; the same foreign keys cascade there.)
        const db = await openDatabase(target.location());
        const { rows } = await db.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM ai_memory_history WHERE memory_id = $1)::int
                + (SELECT count(*) FROM ai_memory_memory_entities WHERE memory_id = $1)::int AS n`,
          [kept.id],
        );
        expect(rows).toEqual([{ n: 0 }]);
        await db.close();
      }
    });

    it('touches only its scope: other users, namespaces and agents keep their memories', async () => {
      await add({ user_id: 'wipe-a', agent_id: 'one', text: 'Agent one note.' });
      await add({ user_id: 'wipe-a', agent_id: 'two', text: 'Agent two note.' });
      await add({ user_id: 'wipe-a', namespace: 'work', text: 'Work note.' });
      const other = await add({ user_id: 'wipe-b', text: 'Another user\'s note.' });

      const agentOnly = { user_id: 'wipe-a', agent_id: 'one' };
      expect(resultJson(await callTool('delete_all_memories', { ...agentOnly, confirm_count: 1 }))).toEqual({ inScope: 1, deleted: 1 });
      expect(await count({ user_id: 'wipe-a' })).toBe(1);
      expect(resultJson(await callTool('delete_all_memories', { user_id: 'wipe-a', confirm_count: 1 }))).toEqual({ inScope: 1, deleted: 1 });
      expect(await count({ user_id: 'wipe-a', namespace: 'work' })).toBe(1);
      expect(resultJson(await callTool('get_memory', { user_id: 'wipe-b', id: other.id }))).toEqual(other);
    });

    it('is not served in read-only mode', async () => {
      const readOnly = { ...textOnlyEnv(), MCP_READ_ONLY: 'true' };
      await add({ user_id: 'wipe-ro', text: 'Keep me.' });
      const connection = await connectInMemory(aiMemoryApp, { env: readOnly });
      try {
        const names = (await connection.client.listTools()).tools.map((tool) => tool.name);
        expect(names).toContain('list_memories');
        expect(names).not.toContain('delete_all_memories');
        await expect(connection.client.callTool({ name: 'delete_all_memories', arguments: { user_id: 'wipe-ro', confirm_count: 1 } })).rejects.toThrow(
          /delete_all_memories not found/,
        );
      } finally {
        await connection.close();
      }
      expect(await count({ user_id: 'wipe-ro' })).toBe(1);
    });
  });

  describe('list_memories', () => {
    it('pages newest first with cursors, without gaps or repeats', async () => {
      const texts = ['one', 'two', 'three', 'four', 'five'].map((word) => `Pager memory ${word}.`);
      for (const text of texts) await add({ user_id: 'pager', text });
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | undefined;
      do {
        const page = resultJson(await callTool('list_memories', { user_id: 'pager', limit: 2, ...(cursor ? { cursor } : {}) })) as Page<Memory>;
        pageSizes.push(page.items.length);
        seen.push(...page.items.map((item) => item.text));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pageSizes).toEqual([2, 2, 1]);
      expect(seen).toEqual([...texts].reverse());
    });

    it('rejects a forged cursor and an out-of-range limit', async () => {
      expect(resultError(await callTool('list_memories', { user_id: 'pager', cursor: 'not-a-cursor' }))).toMatch(/^invalid_input: cursor/);
      const forged = Buffer.from(JSON.stringify({ seq: '1; DROP TABLE x' })).toString('base64url');
      expect(resultError(await callTool('list_memories', { user_id: 'pager', cursor: forged }))).toMatch(/^invalid_input: cursor/);
      expect(resultError(await callTool('list_memories', { user_id: 'pager', limit: 0 }))).toMatch(/^invalid_input: [^]*limit/);
      expect(resultError(await callTool('list_memories', { user_id: 'pager', limit: 101 }))).toMatch(/^invalid_input: [^]*limit/);
    });

    it('filters by tags (all of them), entity, metadata and agent', async () => {
      await add({ user_id: 'dan', agent_id: 'coach', text: 'Runs 5k on Sundays.', tags: ['fitness', 'habit'], metadata: { source: 'chat' } });
      await add({ user_id: 'dan', agent_id: 'chef', text: 'Allergic to peanuts.', tags: ['health'], entities: [{ name: 'Peanuts', type: 'food' }], metadata: { source: 'form' } });
      await add({ user_id: 'dan', text: 'Gym membership at FitCo.', tags: ['fitness'], entities: [{ name: 'FitCo', type: 'organization' }] });
      const texts = async (args: Record<string, unknown>) =>
        ((resultJson(await callTool('list_memories', { user_id: 'dan', ...args })) as Page<Memory>).items).map((item) => item.text);
      expect(await texts({ tags: ['fitness'] })).toEqual(['Gym membership at FitCo.', 'Runs 5k on Sundays.']);
      expect(await texts({ tags: ['fitness', 'habit'] })).toEqual(['Runs 5k on Sundays.']);
      expect(await texts({ entity: 'peanuts' })).toEqual(['Allergic to peanuts.']);
      expect(await texts({ metadata: { source: 'form' } })).toEqual(['Allergic to peanuts.']);
      expect(await texts({ agent_id: 'coach' })).toEqual(['Runs 5k on Sundays.']);
      expect(await texts({})).toHaveLength(3);
    });

    it('caps long texts in lists with a visible marker; get_memory has the whole text', async () => {
      const long = `Long memory. ${'x'.repeat(1500)}`;
      const memory = await add({ user_id: 'long', text: long });
      const listed = (resultJson(await callTool('list_memories', { user_id: 'long' })) as Page<Memory>).items[0];
      expect(listed?.text).toContain('[truncated: ');
      expect(listed?.text.length).toBeLessThan(1100);
      expect((resultJson(await callTool('get_memory', { user_id: 'long', id: memory.id })) as Memory).text).toBe(long);
    });
  });

  describe('list_entities', () => {
    it('lists linked entities by name with memory counts, filtered by type and prefix, paged', async () => {
      await add({ user_id: 'eve', text: 'Met Alice and Bob at Acme.', entities: [{ name: 'Alice', type: 'person' }, { name: 'Bob', type: 'person' }, { name: 'Acme', type: 'organization' }] });
      await add({ user_id: 'eve', text: 'Alice leads the Apollo project.', entities: [{ name: 'alice', type: 'person' }, { name: 'Apollo', type: 'project' }] });
      const all = resultJson(await callTool('list_entities', { user_id: 'eve' })) as Page<{ name: string; type: string; memoryCount: number }>;
      expect(all).toEqual({
        items: [
          { name: 'Acme', type: 'organization', memoryCount: 1 },
          { name: 'Alice', type: 'person', memoryCount: 2 },
          { name: 'Apollo', type: 'project', memoryCount: 1 },
          { name: 'Bob', type: 'person', memoryCount: 1 },
        ],
      });
      expect(resultJson(await callTool('list_entities', { user_id: 'eve', type: 'person' }))).toEqual({
        items: [
          { name: 'Alice', type: 'person', memoryCount: 2 },
          { name: 'Bob', type: 'person', memoryCount: 1 },
        ],
      });
      const prefixed = resultJson(await callTool('list_entities', { user_id: 'eve', name_prefix: 'ap' })) as Page<{ name: string }>;
      expect(prefixed.items.map((entity) => entity.name)).toEqual(['Apollo']);

      const first = resultJson(await callTool('list_entities', { user_id: 'eve', limit: 3 })) as Page<{ name: string }>;
      expect(first.items.map((entity) => entity.name)).toEqual(['Acme', 'Alice', 'Apollo']);
      const second = resultJson(await callTool('list_entities', { user_id: 'eve', limit: 3, cursor: first.nextCursor })) as Page<{ name: string }>;
      expect(second).toEqual({ items: [{ name: 'Bob', type: 'person', memoryCount: 1 }] });
    });
  });

  describe('scoping', () => {
    // Bob's memory must be invisible to Alice through every tool, by id and by content.
    let bobs: Memory;
    beforeAll(async () => {
      bobs = await add({ user_id: 'scope-bob', text: 'Bob secret: the vault code is zebra.', tags: ['secret'], entities: [{ name: 'Vault', type: 'thing' }] });
      await add({ user_id: 'scope-alice', text: 'Alice likes zebra stripes.', entities: [{ name: 'Zebra', type: 'thing' }] });
    });

    it('one user never reads, finds, lists, updates or deletes another user\'s memories', async () => {
      const alice = { user_id: 'scope-alice' };
      expect(resultError(await callTool('get_memory', { ...alice, id: bobs.id }))).toMatch(/^not_found: /);
      const search = resultJson(await callTool('search_memories', { ...alice, query: 'zebra OR vault OR secret' })) as { results: { memory: Memory }[] };
      expect(search.results.map((result) => result.memory.userId)).toEqual(['scope-alice']);
      const list = resultJson(await callTool('list_memories', { ...alice, limit: 100 })) as Page<Memory>;
      expect(list.items.map((item) => item.text)).toEqual(['Alice likes zebra stripes.']);
      expect(resultJson(await callTool('list_memories', { ...alice, tags: ['secret'] }))).toEqual({ items: [] });
      expect(resultJson(await callTool('list_memories', { ...alice, entity: 'Vault' }))).toEqual({ items: [] });
      expect(resultJson(await callTool('list_entities', alice))).toEqual({ items: [{ name: 'Zebra', type: 'thing', memoryCount: 1 }] });
      expect(resultError(await callTool('update_memory', { ...alice, id: bobs.id, text: 'hijacked' }))).toMatch(/^not_found: /);
      expect(resultError(await callTool('delete_memory', { ...alice, id: bobs.id }))).toMatch(/^not_found: /);
      // Bob's memory is untouched.
      expect(resultJson(await callTool('get_memory', { user_id: 'scope-bob', id: bobs.id }))).toEqual(bobs);
    });

    it('namespaces partition a user\'s memories; agent_id narrows reads to one agent', async () => {
      const work = await add({ user_id: 'scope-ns', namespace: 'work', agent_id: 'assistant', text: 'Quarterly report due Friday.' });
      await add({ user_id: 'scope-ns', agent_id: 'other', namespace: 'work', text: 'Standup at nine.' });
      expect(resultError(await callTool('get_memory', { user_id: 'scope-ns', id: work.id }))).toMatch(/^not_found: /);
      expect(resultJson(await callTool('list_memories', { user_id: 'scope-ns' }))).toEqual({ items: [] });
      expect(resultJson(await callTool('search_memories', { user_id: 'scope-ns', query: 'report' }))).toMatchObject({ results: [] });
      expect(resultJson(await callTool('get_memory', { user_id: 'scope-ns', namespace: 'work', id: work.id }))).toEqual(work);
      expect(resultError(await callTool('get_memory', { user_id: 'scope-ns', namespace: 'work', agent_id: 'other', id: work.id }))).toMatch(/^not_found: /);
      const agentOnly = resultJson(await callTool('list_memories', { user_id: 'scope-ns', namespace: 'work', agent_id: 'other' })) as Page<Memory>;
      expect(agentOnly.items.map((item) => item.text)).toEqual(['Standup at nine.']);
      const bothAgents = resultJson(await callTool('list_memories', { user_id: 'scope-ns', namespace: 'work' })) as Page<Memory>;
      expect(bothAgents.items).toHaveLength(2);
    });
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
        await vectorTool('add_memory', { ...user, text }, textOnlyEnv());
      }
    });

    it('ranks by ts_rank: the memory matching every term first; English stemming matches "runs"', async () => {
      const result = resultJson(await vectorTool('search_memories', { ...user, query: 'coffee OR morning OR runs' }, textOnlyEnv())) as SearchResult;
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
      const phrase = resultJson(await vectorTool('search_memories', { ...user, query: '"green tea"' }, textOnlyEnv())) as SearchResult;
      expect(phrase.results.map((hit) => hit.memory.text)).toEqual(['Prefers green tea in the afternoon.']);
      const excluded = resultJson(await vectorTool('search_memories', { ...user, query: 'coffee -morning' }, textOnlyEnv())) as SearchResult;
      expect(excluded.results.map((hit) => hit.memory.text)).toEqual(['Likes coffee.']);
    });

    it('answers questions in plain words: any term matches, the memory sharing most words first, per user', async () => {
      const alice = { user_id: 'nl-alice' };
      for (const text of [
        'Alice prefers dark mode.',
        'Alice has a meeting with the design team on Tuesday.',
        'The team wiki uses a blue colour theme.',
        'Alice drinks oat milk in her coffee.',
      ]) {
        await add({ ...alice, text });
      }
      await add({ user_id: 'nl-bob', text: 'Bob likes the light theme and dark mode.' });
      const search = async (query: string) =>
        ((resultJson(await callTool('search_memories', { ...alice, query })) as SearchResult).results.map((hit) => hit.memory));

      const theme = await search('what theme does alice like');
      expect(theme.map((memory) => memory.text)).toContain('Alice prefers dark mode.');
      expect(theme.every((memory) => memory.userId === 'nl-alice')).toBe(true);
      expect((await search('does alice prefer dark or light mode?'))[0]?.text).toBe('Alice prefers dark mode.');
      expect((await search('when is the design meeting'))[0]?.text).toBe('Alice has a meeting with the design team on Tuesday.');
      expect((await search('what milk goes in her coffee'))[0]?.text).toBe('Alice drinks oat milk in her coffee.');
      expect(await search('what does she want')).toEqual([]);
    });

    it('finds misspelled words by trigram similarity, which full text cannot', async () => {
      await add({ user_id: 'trgm', text: 'Deploys with Kubernetes on Tuesdays.' });
      await add({ user_id: 'trgm', text: 'Cooks pasta on Sundays.' });
      const result = resultJson(await callTool('search_memories', { user_id: 'trgm', query: 'kubernetse' })) as SearchResult;
      expect(result.results.map((hit) => hit.memory.text)).toEqual(['Deploys with Kubernetes on Tuesdays.']);
      expect(result.results[0]).toMatchObject({ trigramRank: 1 });
      expect(result.results[0]?.textRank).toBeUndefined();
    });

    it('limits results and refuses vector mode and bad input', async () => {
      const limited = resultJson(await vectorTool('search_memories', { ...user, query: 'coffee OR running', limit: 1 }, textOnlyEnv())) as SearchResult;
      expect(limited.results).toHaveLength(1);
      expect(resultError(await vectorTool('search_memories', { ...user, query: 'coffee', mode: 'vector' }, textOnlyEnv()))).toMatch(
        /^invalid_input: mode "vector" needs an embeddings endpoint/,
      );
      expect(resultError(await vectorTool('search_memories', { ...user, query: '' }, textOnlyEnv()))).toMatch(/^invalid_input: [^]*query/);
      expect(resultError(await vectorTool('search_memories', { ...user, query: 'x', limit: 51 }, textOnlyEnv()))).toMatch(/^invalid_input: [^]*limit/);
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
        ids[key] = ((resultJson(await vectorTool('add_memory', { ...user, text })) as Hit['memory']).id);
      }
      expect(route.received).toHaveLength(4);
    });

    it('embeds with the configured model and key, sending OpenAI\'s request shape', async () => {
      const route = embeddingsRoute();
      fake.use(route.handler);
      const added = resultJson(await vectorTool('add_memory', { user_id: 'vec-shape', text: 'Kitten sleeps all day.' })) as Hit['memory'];
      expect(added.embedded).toBe(true);
      expect(route.received).toHaveLength(1);
      expect(route.received[0]?.body).toEqual({ model: EMBEDDINGS_MODEL, input: ['Kitten sleeps all day.'], encoding_format: 'float' });
      expect(route.received[0]?.headers.get('authorization')).toBe('Bearer test-embeddings-key-000');
    });

    it('vector mode finds synonyms full-text cannot, by cosine similarity', async () => {
      fake.use(embeddingsRoute().handler);
      const text = resultJson(await vectorTool('search_memories', { ...user, query: 'canine', mode: 'text' })) as SearchResult;
      expect(text.results).toEqual([]);
      const vector = resultJson(await vectorTool('search_memories', { ...user, query: 'canine', mode: 'vector', limit: 2 })) as SearchResult;
      expect(vector.mode).toBe('vector');
      expect(vector.results.map((hit) => hit.memory.id).sort()).toEqual([ids['both'], ids['vectorOnly']].sort());
      for (const hit of vector.results) expect(hit.similarity).toBeGreaterThan(0.7);
      const all = resultJson(await vectorTool('search_memories', { ...user, query: 'canine', mode: 'vector' })) as SearchResult;
      expect(all.results.slice(2).every((hit) => (hit.similarity ?? 1) < 0.1)).toBe(true);
    });

    it('hybrid fuses both rankings: a memory found by both ranks above one found by either', async () => {
      const route = embeddingsRoute();
      fake.use(route.handler);
      const result = resultJson(await vectorTool('search_memories', { ...user, query: 'dog food' })) as SearchResult;
      expect(result.mode).toBe('hybrid');
      expect(result.note).toBeUndefined();
      const [first, ...rest] = result.results;
      expect(first?.memory.id).toBe(ids['both']);
      expect(first?.textRank).toBe(1);
      expect(first?.vectorRank).toBe(1);
      // The vector-only memory shares no word with "dog food".
      const byId = new Map(rest.map((hit) => [hit.memory.id, hit]));
      expect(byId.get(ids['vectorOnly'])?.vectorRank).toBeGreaterThan(1);
      expect(byId.get(ids['vectorOnly'])?.textRank).toBeUndefined();
      // Full text finds both words, so trigram similarity (for words it finds nowhere) adds nothing.
      expect(first?.trigramRank).toBeUndefined();
      expect(first?.score).toBeCloseTo(2 / 61, 6);
      expect(route.received.map((request) => (request.body as { input: string[] }).input)).toEqual([['dog food']]);

      const either = resultJson(await vectorTool('search_memories', { ...user, query: 'dog OR food' })) as SearchResult;
      const position = (key: string) => either.results.findIndex((hit) => hit.memory.id === ids[key]);
      expect(position('both')).toBe(0);
      expect(position('textOnly')).toBeGreaterThan(0);
      expect(position('vectorOnly')).toBeGreaterThan(0);
    });

    it('re-embeds an updated text, and drops a stale vector when no endpoint is configured', async () => {
      const route = embeddingsRoute();
      fake.use(route.handler);
      const memory = resultJson(await vectorTool('add_memory', { user_id: 'vec-update', text: 'Owns a cat.' })) as Hit['memory'];
      await vectorTool('update_memory', { user_id: 'vec-update', id: memory.id, text: 'Owns a sedan.' });
      expect(route.received.map((request) => (request.body as { input: string[] }).input[0])).toEqual(['Owns a cat.', 'Owns a sedan.']);
      const found = resultJson(await vectorTool('search_memories', { user_id: 'vec-update', query: 'automobile', mode: 'vector' })) as SearchResult;
      expect(found.results[0]?.similarity).toBeGreaterThan(0.9);

      const updated = resultJson(await vectorTool('update_memory', { user_id: 'vec-update', id: memory.id, text: 'Owns a bike.' }, textOnlyEnv())) as Hit['memory'];
      expect(updated.embedded).toBe(false);
      const afterStale = resultJson(await vectorTool('search_memories', { user_id: 'vec-update', query: 'automobile', mode: 'vector' })) as SearchResult;
      expect(afterStale.results).toEqual([]);
    });

    it('reports embeddings API failures precisely and stores nothing', async () => {
      fake.use(
        embeddingsRoute(() => HttpResponse.json({ error: { message: 'Invalid API key' } }, { status: 401 })).handler,
      );
      const message = resultError(await vectorTool('add_memory', { user_id: 'vec-fail', text: 'Never stored.' }));
      expect(message).toMatch(/^unauthorized: /);
      expect(message).toContain('Invalid API key');
      expect(resultJson(await vectorTool('list_memories', { user_id: 'vec-fail' }, textOnlyEnv()))).toEqual({ items: [] });
    });

    it('refuses an embeddings answer without a numeric vector', async () => {
      fake.use(embeddingsRoute(() => HttpResponse.json({ data: [{ embedding: 'oops', index: 0 }], model: 'x' })).handler);
      expect(resultError(await vectorTool('search_memories', { ...user, query: 'dog' }))).toMatch(
        /^upstream_error: the embeddings API answered without a numeric embedding/,
      );
    });

    it('the fake model gives synonyms the same direction (sanity check of the fixture)', () => {
      expect(conceptVector('puppy')).toEqual(conceptVector('dog'));
      expect(conceptVector('puppy')).not.toEqual(conceptVector('cat'));
    });
  });
}
