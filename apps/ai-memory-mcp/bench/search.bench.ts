// Search and entity-listing latency over a seeded embedded store. Prints numbers; asserts nothing.
// Run: node apps/ai-memory-mcp/bench/run.mjs [memories=10000] [rounds=100] [dimensions=1536, 0 = none] [--analyze] [--explain]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, type Database } from '../src/db';
import { migrate } from '../src/migrations';
import { searchScope } from '../src/search';
import { MemoryStore, type Embedding } from '../src/store';

const MEMORIES = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 100);
const ANALYZED = process.argv.includes('--analyze');
const DIMENSIONS = Number(process.argv[4] ?? 1536); // 1536: openai/text-embedding-3-small, the default model
const MODEL = 'bench-model';
const scope = { userId: 'bench-user', namespace: 'default' };

const WORDS = ('alice bob carol dark light mode theme coffee tea running morning project apollo deadline friday meeting ' +
  'design review budget travel paris berlin editor vim emacs keyboard music jazz piano dog cat garden').split(' ');

/** A deterministic pseudo-random stream, so every run seeds the same store. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

async function seed(store: MemoryStore, db: Awaited<ReturnType<typeof openPglite>>): Promise<void> {
  const next = random(42);
  const started = performance.now();
  for (let batch = 0; batch < MEMORIES; batch += 500) {
    const rows = Array.from({ length: Math.min(500, MEMORIES - batch) }, (_, index) => {
      const words = Array.from({ length: 8 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
      return { id: `00000000-0000-4000-8000-${String(batch + index).padStart(12, '0')}`, text: `Memory ${batch + index}: ${words}.` };
    });
    await db.query(
      `INSERT INTO ai_memory_memories (id, user_id, namespace, text, embedding, embedding_model)
       SELECT r.id, $1, $2, r.text, (SELECT array_agg(random() - 0.5) FROM generate_series(1, $4) WHERE r.id IS NOT NULL), nullif($5, '')
         FROM jsonb_to_recordset($3::jsonb) AS r(id text, text text)`,
      [scope.userId, scope.namespace, JSON.stringify(rows), DIMENSIONS, DIMENSIONS > 0 ? MODEL : ''],
    );
    // Two entities per memory out of 300 names: the shape that made list_entities slow.
    await db.query(
      `INSERT INTO ai_memory_entities (user_id, namespace, type, name)
       SELECT $1, $2, 'person', 'Person ' || n FROM generate_series(0, 299) n ON CONFLICT DO NOTHING`,
      [scope.userId, scope.namespace],
    );
    await db.query(
      `INSERT INTO ai_memory_memory_entities (memory_id, entity_id)
       SELECT r.id, e.id FROM jsonb_to_recordset($1::jsonb) AS r(id text, n int)
         JOIN ai_memory_entities e ON e.user_id = $2 AND e.name IN ('Person ' || (r.n % 300), 'Person ' || ((r.n * 7 + 1) % 300))`,
      [JSON.stringify(rows.map((row, index) => ({ id: row.id, n: batch + index }))), scope.userId],
    );
  }
  // PGlite runs no autovacuum: statistics exist only where the app gathers them (at start, after migrations).
  if (ANALYZED) await db.query('ANALYZE');
  console.log(`seeded ${MEMORIES} memories (${DIMENSIONS}-dimension embeddings) in ${Math.round(performance.now() - started)} ms${ANALYZED ? ', analyzed' : ', no statistics'}`);
  void store;
}

async function time(label: string, work: (round: number) => Promise<unknown>): Promise<void> {
  for (let round = 0; round < 3; round++) await work(round); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await work(round);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN).toFixed(1);
  console.log(`${label.padEnd(44)} p50 ${at(0.5).padStart(8)} ms   p90 ${at(0.9).padStart(8)} ms   max ${at(1).padStart(8)} ms`);
}

/** Prints the plan of each store query once (EXPLAIN ANALYZE), for finding what is slow. */
async function explain(db: Database): Promise<void> {
  const explaining: Database = {
    ...db,
    query: async <T>(sql: string, params?: unknown[]) => {
      const { rows } = await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS OFF) ${sql}`, params);
      console.log(rows.map((row) => Object.values(row)[0]).join('\n'), '\n');
      return { rows: [] as T[] };
    },
  };
  const store = new MemoryStore(async () => explaining);
  await store.searchText(scope, {}, 'what theme does alice like', 50);
  await store.searchSimilar(scope, {}, 'what theme does alice like', 50);
  await store.listEntities(scope, {}, { limit: 50 });
}

const dir = mkdtempSync(join(tmpdir(), 'ai-memory-bench-'));
const db = await openPglite(join(dir, 'store'));
try {
  await migrate(db);
  const store = new MemoryStore(async () => db);
  await seed(store, db);
  if (process.argv.includes('--explain')) await explain(db);
  const queries = ['what theme does alice like', 'coffee in the morning', 'project apollo deadline', 'jazz piano', 'dark mode'];
  const next = random(7);
  const embedding = (): Embedding => ({ vector: Array.from({ length: DIMENSIONS }, () => next() - 0.5), model: MODEL });
  const query = (round: number) => queries[round % queries.length] ?? 'dark mode';
  await time('search, text (full text + trigram)', (round) => searchScope(store, scope, {}, { query: query(round), lexical: true, limit: 10 }));
  // dimensions 0: no embeddings, the lexical rankers only.
  if (DIMENSIONS > 0) {
    await time('search, hybrid (text + trigram + vector)', (round) =>
      searchScope(store, scope, {}, { query: query(round), lexical: true, embedding: embedding(), limit: 10 }));
    await time('search, vector only', () => searchScope(store, scope, {}, { query: '', lexical: false, embedding: embedding(), limit: 10 }));
  }
  await time('list_entities, first page of 50', () => store.listEntities(scope, {}, { limit: 50 }));
  await time('list_entities, prefix "Person 1"', () => store.listEntities(scope, { prefix: 'Person 1' }, { limit: 50 }));
  await time('list_memories, first page of 20', () => store.list(scope, {}, { limit: 20 }));
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
