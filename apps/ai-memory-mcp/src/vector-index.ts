import type { Queryable } from './db';

/**
 * Exact cosine search over a scope's embeddings, computed in this process from unit float4 vectors
 * (migration 3's ai_memory_unit_vectors) read once per scope and kept while the scope is unchanged.
 *
 * Why here and not in SQL: the old exact cosine in SQL (unnest of float8[] per row) took ~4.5 s over
 * 10,000 memories at 256 dimensions on PGlite, which has no pgvector; a real PostgreSQL may lack it
 * too, and one code path serves both. A dot product over cached Float32Arrays takes milliseconds.
 *
 * Staleness: every write to ai_memory_memories bumps its scope's row in ai_memory_scope_changes (a
 * statement trigger, so another replica writing through DATABASE_URL bumps it too). Each search
 * reads that counter first (one primary-key lookup); when it moved, the scope's (id, version) list
 * is read and only new or changed vectors are fetched. The counter is read before the rows, so a
 * write landing in between makes the next search refresh again: never stale, at worst one re-read.
 *
 * Precision: vectors are stored as float4 (relative error ~6e-8 per component), so similarities
 * differ from the float8 cosine in about the 7th decimal; order ties still go to the newest memory.
 */

/** Cached vectors beyond this many bytes (all scopes together) evict the least recently searched scope. */
export const VECTOR_CACHE_BYTES = 96 * 1024 * 1024;
/** Vectors fetched per query when a scope is (re)loaded: bounds the size of one result. */
const FETCH_BATCH = 500;

interface CachedVector {
  version: number;
  seq: number;
  agentId: string | null;
  unit: Float32Array;
}

interface ScopeVectors {
  generation: string;
  vectors: Map<string, CachedVector>;
  bytes: number;
}

export interface VectorQuery {
  userId: string;
  namespace: string;
  agentId?: string;
  model: string;
  vector: readonly number[];
  /** Only these ids may match (the tag, entity and metadata filters), or undefined for the whole scope. */
  allowed?: ReadonlySet<string>;
  limit: number;
}

export interface VectorHit {
  id: string;
  similarity: number;
}

export class VectorIndex {
  /** Scopes in least-recently-searched-first order (a Map keeps insertion order; a hit re-inserts). */
  private readonly scopes = new Map<string, ScopeVectors>();
  private readonly loading = new Map<string, Promise<ScopeVectors>>();
  private bytes = 0;

  constructor(
    private readonly db: Queryable,
    private readonly budgetBytes = VECTOR_CACHE_BYTES,
  ) {}

  /** The `limit` most similar memories, best first, ties to the newest; similarity is the cosine. */
  async search(query: VectorQuery): Promise<VectorHit[]> {
    const unitQuery = normalised(query.vector);
    if (!unitQuery) return [];
    const key = JSON.stringify([query.userId, query.namespace, query.model]);
    const scope = await this.current(key, query);
    const hits = topSimilar(scope.vectors, unitQuery, query);
    this.keep(key, scope);
    return hits;
  }

  /** The scope's vectors as of now: the cached ones when its change counter has not moved. */
  private async current(key: string, query: VectorQuery): Promise<ScopeVectors> {
    const generation = await this.generation(query);
    const pending = this.loading.get(key);
    const before = pending ? await pending.catch(() => undefined) : this.scopes.get(key);
    if (before?.generation === generation) return before;
    const load = this.refresh(before, generation, query).finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }

  private async generation(query: VectorQuery): Promise<string> {
    const { rows } = await this.db.query<{ generation: string }>(
      'SELECT generation::text AS generation FROM ai_memory_scope_changes WHERE user_id = $1 AND namespace = $2',
      [query.userId, query.namespace],
    );
    return rows[0]?.generation ?? '0';
  }

  /** Reads the scope's (id, version) list and fetches only the vectors not cached at that version. */
  private async refresh(previous: ScopeVectors | undefined, generation: string, query: VectorQuery): Promise<ScopeVectors> {
    const { rows } = await this.db.query<{ id: string; version: number; seq: string; agent_id: string | null }>(
      `SELECT m.id, m.version, m.seq::text AS seq, m.agent_id FROM ai_memory_memories m
        WHERE m.user_id = $1 AND m.namespace = $2 AND m.embedding_model = $3
          AND EXISTS (SELECT 1 FROM ai_memory_unit_vectors v WHERE v.memory_id = m.id)`,
      [query.userId, query.namespace, query.model],
    );
    const vectors = new Map<string, CachedVector>();
    const missing: string[] = [];
    for (const row of rows) {
      const cached = previous?.vectors.get(row.id);
      if (cached && cached.version === Number(row.version)) vectors.set(row.id, cached);
      else missing.push(row.id);
    }
    for (let start = 0; start < missing.length; start += FETCH_BATCH) {
      const { rows: fetched } = await this.db.query<{ id: string; version: number; seq: string; agent_id: string | null; unit: Uint8Array }>(
        `SELECT m.id, m.version, m.seq::text AS seq, m.agent_id, v.unit
           FROM ai_memory_memories m JOIN ai_memory_unit_vectors v ON v.memory_id = m.id
          WHERE m.id = ANY($1::text[]) AND m.user_id = $2 AND m.namespace = $3 AND m.embedding_model = $4`,
        [missing.slice(start, start + FETCH_BATCH), query.userId, query.namespace, query.model],
      );
      for (const row of fetched) {
        vectors.set(row.id, { version: Number(row.version), seq: Number(row.seq), agentId: row.agent_id, unit: float4BigEndian(row.unit) });
      }
    }
    let bytes = 0;
    for (const vector of vectors.values()) bytes += vector.unit.byteLength;
    return { generation, vectors, bytes };
  }

  /** Caches the scope as the most recently searched, evicting the least recent ones over budget. */
  private keep(key: string, scope: ScopeVectors): void {
    const old = this.scopes.get(key);
    if (old) {
      this.scopes.delete(key);
      this.bytes -= old.bytes;
    }
    // A scope larger than the whole budget is searched but not kept: the next search reads it again.
    if (scope.bytes > this.budgetBytes) return;
    this.scopes.set(key, scope);
    this.bytes += scope.bytes;
    for (const [oldestKey, oldest] of this.scopes) {
      if (this.bytes <= this.budgetBytes) break;
      this.scopes.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
  }
}

/** The scan: a dot product per vector of the query's dimension, keeping the best `limit`. */
function topSimilar(vectors: Map<string, CachedVector>, query: Float64Array, filter: VectorQuery): VectorHit[] {
  const best: { id: string; similarity: number; seq: number }[] = [];
  const worse = (a: { similarity: number; seq: number }, b: { similarity: number; seq: number }) =>
    a.similarity < b.similarity || (a.similarity === b.similarity && a.seq < b.seq);
  for (const [id, vector] of vectors) {
    if (vector.unit.length !== query.length) continue;
    if (filter.agentId !== undefined && vector.agentId !== filter.agentId) continue;
    if (filter.allowed && !filter.allowed.has(id)) continue;
    const candidate = { id, similarity: dot(vector.unit, query), seq: vector.seq };
    const last = best[best.length - 1];
    if (best.length >= filter.limit && (!last || !worse(last, candidate))) continue;
    let at = best.length;
    while (at > 0 && worse(best[at - 1] as (typeof best)[number], candidate)) at--;
    best.splice(at, 0, candidate);
    if (best.length > filter.limit) best.pop();
  }
  return best.map(({ id, similarity }) => ({ id, similarity }));
}

function dot(unit: Float32Array, query: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < unit.length; index++) sum += (unit[index] as number) * (query[index] as number);
  return sum;
}

/** The query scaled to length 1, or undefined for a zero vector (it has no direction to compare). */
function normalised(vector: readonly number[]): Float64Array | undefined {
  let squares = 0;
  for (const value of vector) squares += value * value;
  if (!(squares > 0)) return undefined;
  const length = Math.sqrt(squares);
  return Float64Array.from(vector, (value) => value / length);
}

/** float4send's bytes (big-endian) as a Float32Array. */
function float4BigEndian(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let index = 0; index < out.length; index++) out[index] = view.getFloat32(index * 4, false);
  return out;
}
