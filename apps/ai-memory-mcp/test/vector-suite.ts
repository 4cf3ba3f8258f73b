import type { Database } from '../src/db';
import { migrate, migrations } from '../src/migrations';
import { MemoryStore } from '../src/store';

/** Two handles on one fresh, empty database: two replicas on PostgreSQL, one process's store on PGlite. */
export interface TwoWriters {
  reader: Database;
  writer: Database;
  close: () => Promise<void>;
}

const MODEL = 'test/model';
const scope = { userId: 'vectors', namespace: 'default' };

/** The cosine in float8, as the SQL ranker before migration 3 computed it. */
function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
  return dot / (Math.hypot(...a) * Math.hypot(...b));
}

async function insertOld(db: Database, id: string, vector: number[] | null, model = MODEL, userId = scope.userId): Promise<void> {
  // The INSERT of the schema before migration 3 (float8[] only), as an older replica still writes it.
  await db.query(
    `INSERT INTO ai_memory_memories (id, user_id, namespace, text, embedding, embedding_model) VALUES ($1, $2, 'default', $1, $3::float8[], $4)`,
    [id, userId, vector, vector ? model : null],
  );
}

/** The in-process vector index (vector-index.ts) on one engine: migration, freshness, ranking. */
export function describeVectorIndex(engine: string, openFresh: () => Promise<TwoWriters>): void {
  describe(`vector search (${engine})`, () => {
    let handles: TwoWriters | undefined;
    afterEach(async () => {
      await handles?.close();
      handles = undefined;
    });
    const open = async () => (handles = await openFresh());

    it('a store made by schema 2 keeps its float8[] embeddings searchable after migration 3, same cosine', async () => {
      const { reader } = await open();
      expect(await migrate(reader, migrations.filter((migration) => migration.version <= 2))).toEqual([1, 2]);
      const vectors: Record<string, number[]> = { near: [1, 0.1, 0], far: [0, 1, 0.2], opposite: [-1, 0, 0] };
      for (const [id, vector] of Object.entries(vectors)) await insertOld(reader, id, vector);
      await insertOld(reader, 'zero', [0, 0, 0]);
      await insertOld(reader, 'other-model', [1, 0.1, 0], 'other/model');
      await insertOld(reader, 'other-dimension', [1, 0.1, 0, 0]);
      await insertOld(reader, 'text-only', null);
      expect(await migrate(reader)).toEqual([3]);

      const query = [0.9, 0.2, 0.05];
      const hits = await new MemoryStore(async () => reader).searchVector(scope, {}, { vector: query, model: MODEL }, 10);
      expect(hits.map((hit) => hit.id)).toEqual(['near', 'far', 'opposite']);
      for (const hit of hits) expect(hit.similarity).toBeCloseTo(cosine(vectors[hit.id] ?? [], query), 6);
      // An older replica's float8[]-only insert gets its unit vector too (trigger).
      await insertOld(reader, 'later', [0.9, 0.2, 0.05]);
      const again = await new MemoryStore(async () => reader).searchVector(scope, {}, { vector: query, model: MODEL }, 1);
      expect(again).toEqual([{ id: 'later', similarity: expect.closeTo(1, 6) }]);
    });

    it("sees another writer's insert, update and delete at once", async () => {
      const { reader, writer } = await open();
      await migrate(reader);
      const readerStore = new MemoryStore(async () => reader);
      const writerStore = new MemoryStore(async () => writer);
      const search = async () =>
        (await readerStore.searchVector(scope, {}, { vector: [1, 0], model: MODEL }, 10)).map((hit) => [hit.id, Number(hit.similarity.toFixed(4))]);
      const input = { metadata: {}, tags: [], entities: [] };
      const a = await writerStore.add(scope, { ...input, text: 'a' }, { vector: [1, 0], model: MODEL });
      expect(await search()).toEqual([[a.id, 1]]); // cached from here on

      const b = await writerStore.add(scope, { ...input, text: 'b' }, { vector: [1, 1], model: MODEL });
      expect(await search()).toEqual([[a.id, 1], [b.id, 0.7071]]);
      await writerStore.update(scope, a.id, { text: 'a2' }, { vector: [0, 1], model: MODEL });
      expect(await search()).toEqual([[b.id, 0.7071], [a.id, 0]]);
      await writerStore.update(scope, b.id, { text: 'b2' }, null);
      expect(await search()).toEqual([[a.id, 0]]);
      await writerStore.delete(scope, a.id);
      expect(await search()).toEqual([]);
      // Another scope's writes leave this one's answer alone, and are found in theirs.
      await writerStore.add({ ...scope, userId: 'someone-else' }, { ...input, text: 'c' }, { vector: [1, 0], model: MODEL });
      expect(await search()).toEqual([]);
    });

    it('ranks ties newest first, keeps to the agent, the filters and the limit', async () => {
      const { reader } = await open();
      await migrate(reader);
      const store = new MemoryStore(async () => reader);
      const input = { metadata: {}, tags: [] as string[], entities: [] };
      const older = await store.add(scope, { ...input, text: 'older' }, { vector: [2, 0], model: MODEL });
      const newer = await store.add({ ...scope, agentId: 'agent-1' }, { ...input, text: 'newer', tags: ['pets'] }, { vector: [1, 0], model: MODEL });
      const query = { vector: [3, 0], model: MODEL };
      expect((await store.searchVector(scope, {}, query, 10)).map((hit) => hit.id)).toEqual([newer.id, older.id]);
      expect((await store.searchVector(scope, {}, query, 1)).map((hit) => hit.id)).toEqual([newer.id]);
      expect((await store.searchVector({ ...scope, agentId: 'agent-1' }, {}, query, 10)).map((hit) => hit.id)).toEqual([newer.id]);
      expect((await store.searchVector(scope, { tags: ['pets'] }, query, 10)).map((hit) => hit.id)).toEqual([newer.id]);
      expect(await store.searchVector(scope, {}, { vector: [0, 0], model: MODEL }, 10)).toEqual([]);
    });
  });
}
