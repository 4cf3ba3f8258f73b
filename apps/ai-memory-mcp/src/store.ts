import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from './db';
import { ANALYZE } from './migrations';

/** Who a memory belongs to. Reads match user_id and namespace exactly; agent_id narrows when given. */
export interface Scope {
  userId: string;
  namespace: string;
  agentId?: string;
}

export interface EntityRef {
  name: string;
  type: string;
}

export interface Embedding {
  vector: number[];
  model: string;
}

export interface MemoryRow {
  id: string;
  seq: string;
  user_id: string;
  agent_id: string | null;
  namespace: string;
  text: string;
  metadata: Record<string, unknown>;
  tags: string[];
  version: number;
  has_embedding: boolean;
  created_at: Date;
  updated_at: Date;
  entities: EntityRef[] | null;
}

export interface HistoryRow {
  version: number;
  text: string;
  metadata: Record<string, unknown>;
  tags: string[];
  valid_from: Date;
  valid_to: Date;
}

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  memory_count: string;
}

export interface ListFilter {
  tags?: string[];
  entity?: string;
  metadata?: Record<string, unknown>;
}

const MEMORY_COLUMNS = `m.id, m.seq::text AS seq, m.user_id, m.agent_id, m.namespace, m.text, m.metadata, m.tags,
  m.version, (m.embedding IS NOT NULL) AS has_embedding, m.created_at, m.updated_at,
  (SELECT json_agg(json_build_object('name', e.name, 'type', e.type) ORDER BY e.type, e.name)
     FROM ai_memory_memory_entities me JOIN ai_memory_entities e ON e.id = me.entity_id
    WHERE me.memory_id = m.id) AS entities`;

/** Writes between two statistics refreshes on PGlite: ANALYZE of a 10,000-memory store takes ~100 ms. */
const ANALYZE_EVERY = 500;

/** $1 user, $2 namespace, $3 agent (null = every agent of the user). */
const SCOPE = `m.user_id = $1 AND m.namespace = $2 AND ($3::text IS NULL OR m.agent_id = $3)`;
const scopeParams = (scope: Scope) => [scope.userId, scope.namespace, scope.agentId ?? null];

/** Filters after the scope: $4 tags (all of), $5 entity name, $6 metadata containment. */
const FILTERS = `($4::text[] IS NULL OR m.tags @> $4::text[])
  AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM ai_memory_memory_entities me JOIN ai_memory_entities e ON e.id = me.entity_id
                                   WHERE me.memory_id = m.id AND lower(e.name) = lower($5)))
  AND ($6::jsonb IS NULL OR m.metadata @> $6::jsonb)`;
const filterParams = (filter: ListFilter) => [
  filter.tags?.length ? filter.tags : null,
  filter.entity ?? null,
  filter.metadata ? JSON.stringify(filter.metadata) : null,
];

/**
 * $7 as a tsquery matching any of its terms: web-search syntax, with the implicit AND between words
 * turned into OR. Phrases (<->) and explicit ORs stay; a query with an exclusion (!) stays as written,
 * since "a OR NOT b" would match nearly everything. A scalar subquery: planned once, GIN-indexable.
 */
const ANY_TERMS = `(SELECT CASE WHEN strpos(q::text, '!') > 0 THEN q ELSE replace(q::text, ' & ', ' | ')::tsquery END
                      FROM websearch_to_tsquery('english', $7) q)`;
/** $7 as written when it uses a phrase or an exclusion (other rankers must respect it), else null. */
const AS_WRITTEN = `(SELECT q FROM websearch_to_tsquery('english', $7) q WHERE strpos(q::text, '!') > 0 OR strpos(q::text, '<->') > 0)`;

/**
 * All SQL of the memory store. Every read and write is confined to a Scope: a memory of
 * another user, namespace or (when given) agent is indistinguishable from a missing one.
 */
export class MemoryStore {
  private writesSinceAnalyze = 0;

  /** `database` opens (or reuses) the store on each call, so a failed open is retried by the next one. */
  constructor(private readonly database: () => Promise<Database>) {}

  /** PGlite has no autovacuum: statistics are refreshed every ANALYZE_EVERY writes (and at start). */
  private async wrote(db: Database, rows: number): Promise<void> {
    if (db.kind !== 'pglite') return;
    this.writesSinceAnalyze += rows;
    if (this.writesSinceAnalyze < ANALYZE_EVERY) return;
    this.writesSinceAnalyze = 0;
    await db.query(ANALYZE);
  }

  private db(): Promise<Database> {
    return this.database();
  }

  async add(
    scope: Scope,
    input: { text: string; metadata: Record<string, unknown>; tags: string[]; entities: EntityRef[] },
    embedding?: Embedding,
  ): Promise<MemoryRow> {
    const db = await this.db();
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ai_memory_memories (id, user_id, agent_id, namespace, text, metadata, tags, embedding, embedding_model)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::text[], $8::float8[], $9)`,
        [id, scope.userId, scope.agentId ?? null, scope.namespace, input.text, JSON.stringify(input.metadata), input.tags,
          embedding?.vector ?? null, embedding?.model ?? null],
      );
      await linkEntities(tx, id, scope, input.entities);
    });
    await this.wrote(db, 1);
    return (await this.get(scope, id)) as MemoryRow;
  }

  async get(scope: Scope, id: string): Promise<MemoryRow | undefined> {
    const db = await this.db();
    const { rows } = await db.query<MemoryRow>(
      `SELECT ${MEMORY_COLUMNS} FROM ai_memory_memories m WHERE ${SCOPE} AND m.id = $4`,
      [...scopeParams(scope), id],
    );
    return rows[0];
  }

  async history(id: string): Promise<HistoryRow[]> {
    const db = await this.db();
    const { rows } = await db.query<HistoryRow>(
      'SELECT version, text, metadata, tags, valid_from, valid_to FROM ai_memory_history WHERE memory_id = $1 ORDER BY version DESC',
      [id],
    );
    return rows;
  }

  /** Newest first; `afterSeq` is the keyset cursor (seq of the last row seen). Fetches limit + 1 to know if more exist. */
  async list(scope: Scope, filter: ListFilter, page: { afterSeq?: string; limit: number }): Promise<MemoryRow[]> {
    const db = await this.db();
    const { rows } = await db.query<MemoryRow>(
      `SELECT ${MEMORY_COLUMNS} FROM ai_memory_memories m
        WHERE ${SCOPE} AND ${FILTERS} AND ($7::bigint IS NULL OR m.seq < $7::bigint)
        ORDER BY m.seq DESC LIMIT $8`,
      [...scopeParams(scope), ...filterParams(filter), page.afterSeq ?? null, page.limit + 1],
    );
    return rows;
  }

  /**
   * Full-text candidates, ts_rank_cd order. Any term matches: a question in natural language ("what theme
   * does alice like") finds memories sharing some of its words, and ranking puts those sharing most
   * first. Web-search syntax still works: "quoted phrases" stay phrases, OR is OR, and a query with a
   * -exclusion is matched as written (all terms, none excluded).
   */
  async searchText(scope: Scope, filter: ListFilter, query: string, limit: number): Promise<{ id: string; rank: number }[]> {
    const db = await this.db();
    const { rows } = await db.query<{ id: string; rank: number }>(
      `SELECT m.id, ts_rank_cd(m.tsv, ${ANY_TERMS}) AS rank
         FROM ai_memory_memories m
        WHERE ${SCOPE} AND ${FILTERS} AND m.tsv @@ ${ANY_TERMS}
        ORDER BY rank DESC, m.seq DESC LIMIT $8`,
      [...scopeParams(scope), ...filterParams(filter), query, limit],
    );
    return rows.map((row) => ({ id: row.id, rank: Number(row.rank) }));
  }

  /**
   * Trigram candidates (pg_trgm) for the query's words that full text finds nowhere in scope (typos,
   * variants stemming misses; stop words and words under 3 letters left out): memories containing a
   * word close in spelling, scored by the sum of word_similarity. Words full text finds need no
   * fuzzy match, and skipping them keeps a common word from scoring thousands of memories. A query
   * with a phrase or an -exclusion keeps to the memories that match it as written.
   */
  async searchSimilar(scope: Scope, filter: ListFilter, query: string, limit: number): Promise<{ id: string; similarity: number }[]> {
    const db = await this.db();
    const { rows } = await db.query<{ id: string; similarity: number }>(
      `WITH words AS (
         SELECT DISTINCT word FROM regexp_split_to_table(lower($7), '[^[:alnum:]]+') AS word
          WHERE length(word) >= 3 AND to_tsvector('english', word) <> ''::tsvector
       ),
       unmatched AS MATERIALIZED (
         SELECT w.word FROM words w
          WHERE NOT EXISTS (SELECT 1 FROM ai_memory_memories m
                             WHERE ${SCOPE} AND ${FILTERS} AND m.tsv @@ plainto_tsquery('english', w.word))
       )
       SELECT m.id, sum(word_similarity(w.word, m.text)) AS similarity
         FROM unmatched w JOIN ai_memory_memories m ON w.word <% m.text
        WHERE ${SCOPE} AND ${FILTERS}
          AND (${AS_WRITTEN} IS NULL OR m.tsv @@ ${AS_WRITTEN})
        GROUP BY m.id, m.seq
        ORDER BY similarity DESC, m.seq DESC LIMIT $8`,
      [...scopeParams(scope), ...filterParams(filter), query, limit],
    );
    return rows.map((row) => ({ id: row.id, similarity: Number(row.similarity) }));
  }

  /**
   * Vector candidates: exact cosine similarity against the scope's unit vectors of the same model
   * and dimension, computed in this process (see vector-index.ts for why and how it stays fresh).
   * The tag, entity and metadata filters are applied in SQL first, when given.
   */
  async searchVector(scope: Scope, filter: ListFilter, embedding: Embedding, limit: number): Promise<{ id: string; similarity: number }[]> {
    const db = await this.db();
    let allowed: Set<string> | undefined;
    if (filterParams(filter).some((param) => param !== null)) {
      const { rows } = await db.query<{ id: string }>(
        `SELECT m.id FROM ai_memory_memories m
          WHERE ${SCOPE} AND ${FILTERS} AND m.embedding_model = $7 AND m.embedding IS NOT NULL`,
        [...scopeParams(scope), ...filterParams(filter), embedding.model],
      );
      allowed = new Set(rows.map((row) => row.id));
    }
    return db.vectors.search({ ...scope, model: embedding.model, vector: embedding.vector, allowed, limit });
  }

  async getMany(scope: Scope, ids: string[]): Promise<Map<string, MemoryRow>> {
    if (ids.length === 0) return new Map();
    const db = await this.db();
    const { rows } = await db.query<MemoryRow>(
      `SELECT ${MEMORY_COLUMNS} FROM ai_memory_memories m WHERE ${SCOPE} AND m.id = ANY($4::text[])`,
      [...scopeParams(scope), ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Replaces the given fields, keeping the previous version in ai_memory_history. Returns
   * undefined when no memory with this id is in scope. `embedding` null clears a stale one.
   */
  async update(
    scope: Scope,
    id: string,
    patch: { text?: string; metadata?: Record<string, unknown>; tags?: string[]; entities?: EntityRef[] },
    embedding?: Embedding | null,
  ): Promise<MemoryRow | undefined> {
    const db = await this.db();
    const found = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT m.id FROM ai_memory_memories m WHERE ${SCOPE} AND m.id = $4 FOR UPDATE`,
        [...scopeParams(scope), id],
      );
      if (rows.length === 0) return false;
      await tx.query(
        `INSERT INTO ai_memory_history (memory_id, version, text, metadata, tags, valid_from)
         SELECT id, version, text, metadata, tags, updated_at FROM ai_memory_memories WHERE id = $1`,
        [id],
      );
      const keepEmbedding = embedding === undefined;
      await tx.query(
        `UPDATE ai_memory_memories SET
           text = coalesce($2, text),
           metadata = coalesce($3::jsonb, metadata),
           tags = coalesce($4::text[], tags),
           embedding = CASE WHEN $5 THEN embedding ELSE $6::float8[] END,
           embedding_model = CASE WHEN $5 THEN embedding_model ELSE $7 END,
           version = version + 1,
           updated_at = now()
         WHERE id = $1`,
        [id, patch.text ?? null, patch.metadata ? JSON.stringify(patch.metadata) : null, patch.tags ?? null,
          keepEmbedding, embedding?.vector ?? null, embedding?.model ?? null],
      );
      if (patch.entities) {
        await tx.query('DELETE FROM ai_memory_memory_entities WHERE memory_id = $1', [id]);
        await linkEntities(tx, id, scope, patch.entities);
      }
      return true;
    });
    return found ? this.get(scope, id) : undefined;
  }

  /** Deletes the memory, its history and its entity links. True when something was deleted. */
  async delete(scope: Scope, id: string): Promise<boolean> {
    const db = await this.db();
    const { rows } = await db.query<{ id: string }>(
      `DELETE FROM ai_memory_memories m WHERE ${SCOPE} AND m.id = $4 RETURNING m.id`,
      [...scopeParams(scope), id],
    );
    return rows.length > 0;
  }

  /**
   * Deletes every memory in scope (with their history and entity links, as delete) when
   * `confirmCount` equals how many there are; else deletes nothing. One statement: the count and
   * the delete see the same snapshot, so a memory added meanwhile is never deleted unconfirmed.
   */
  async deleteAll(scope: Scope, confirmCount: number | undefined): Promise<{ inScope: number; deleted: number }> {
    const db = await this.db();
    const { rows } = await db.query<{ in_scope: number; deleted: number }>(
      `WITH scoped AS (SELECT m.id FROM ai_memory_memories m WHERE ${SCOPE}),
            total AS (SELECT count(*)::int AS n FROM scoped),
            gone AS (DELETE FROM ai_memory_memories d
                      WHERE d.id IN (SELECT id FROM scoped) AND (SELECT n FROM total) = $4::int
                      RETURNING d.id)
       SELECT (SELECT n FROM total) AS in_scope, (SELECT count(*)::int FROM gone) AS deleted`,
      [...scopeParams(scope), confirmCount ?? null],
    );
    const deleted = Number(rows[0]?.deleted ?? 0);
    await this.wrote(db, deleted);
    return { inScope: Number(rows[0]?.in_scope ?? 0), deleted };
  }

  /** Entities linked to at least one memory in scope, by name; `afterId`/`afterName` is the keyset cursor. */
  async listEntities(
    scope: Scope,
    filter: { type?: string; prefix?: string },
    page: { after?: { name: string; id: string }; limit: number },
  ): Promise<EntityRow[]> {
    const db = await this.db();
    // Entities in name order (index ai_memory_entities_scope_name), each counting its own links, each
    // link's memory looked up by primary key: a page costs its entities' links whatever the statistics
    // say (a join let a planner without statistics scan the whole scope once per entity).
    const { rows } = await db.query<EntityRow>(
      `SELECT e.id::text AS id, e.name, e.type, linked.n::text AS memory_count
         FROM ai_memory_entities e
         CROSS JOIN LATERAL (
           SELECT count(*) AS n FROM ai_memory_memory_entities me
            WHERE me.entity_id = e.id
              AND (SELECT ${SCOPE} FROM ai_memory_memories m WHERE m.id = me.memory_id)
         ) linked
        WHERE e.user_id = $1 AND e.namespace = $2 AND linked.n > 0
          AND ($4::text IS NULL OR e.type = $4)
          AND ($5::text IS NULL OR lower(e.name) LIKE lower($5) || '%')
          AND ($6::text IS NULL OR (lower(e.name), e.id) > (lower($6), $7::bigint))
        ORDER BY lower(e.name), e.id
        LIMIT $8`,
      [...scopeParams(scope), filter.type ?? null, filter.prefix ? escapeLike(filter.prefix) : null,
        page.after?.name ?? null, page.after?.id ?? null, page.limit + 1],
    );
    return rows;
  }
}

async function linkEntities(tx: Queryable, memoryId: string, scope: Scope, entities: EntityRef[]): Promise<void> {
  for (const entity of entities) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO ai_memory_entities (user_id, namespace, type, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, namespace, type, lower(name)) DO UPDATE SET type = EXCLUDED.type
       RETURNING id::text AS id`,
      [scope.userId, scope.namespace, entity.type, entity.name],
    );
    await tx.query(
      'INSERT INTO ai_memory_memory_entities (memory_id, entity_id) VALUES ($1, $2::bigint) ON CONFLICT DO NOTHING',
      [memoryId, rows[0]?.id],
    );
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
