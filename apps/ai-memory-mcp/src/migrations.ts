import type { Database } from './db';

/**
 * Versioned schema migrations, applied in order at start. Append only: never edit a shipped
 * migration, add the next version. Applied versions are recorded in ai_memory_schema_migrations;
 * a transaction-scoped advisory lock keeps replicas starting together from racing.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'memories, history, entities',
    sql: `
      CREATE TABLE ai_memory_memories (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        user_id text NOT NULL,
        agent_id text,
        namespace text NOT NULL,
        text text NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        tags text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        embedding float8[],
        embedding_model text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
      );
      CREATE INDEX ai_memory_memories_scope ON ai_memory_memories (user_id, namespace, seq DESC);
      CREATE INDEX ai_memory_memories_tsv ON ai_memory_memories USING gin (tsv);
      CREATE INDEX ai_memory_memories_tags ON ai_memory_memories USING gin (tags);

      CREATE TABLE ai_memory_history (
        memory_id text NOT NULL REFERENCES ai_memory_memories (id) ON DELETE CASCADE,
        version integer NOT NULL,
        text text NOT NULL,
        metadata jsonb NOT NULL,
        tags text[] NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (memory_id, version)
      );

      CREATE TABLE ai_memory_entities (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id text NOT NULL,
        namespace text NOT NULL,
        type text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX ai_memory_entities_key ON ai_memory_entities (user_id, namespace, type, lower(name));

      CREATE TABLE ai_memory_memory_entities (
        memory_id text NOT NULL REFERENCES ai_memory_memories (id) ON DELETE CASCADE,
        entity_id bigint NOT NULL REFERENCES ai_memory_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (memory_id, entity_id)
      );
      CREATE INDEX ai_memory_memory_entities_entity ON ai_memory_memory_entities (entity_id);
    `,
  },
  {
    version: 2,
    name: 'trigram search, entity listing and scope indexes',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX ai_memory_memories_text_trgm ON ai_memory_memories USING gin (text gin_trgm_ops);
      CREATE INDEX ai_memory_entities_scope_name ON ai_memory_entities (user_id, namespace, lower(name), id)
    `,
  },
  {
    version: 3,
    name: 'unit float4 embeddings and per-scope change counters for the in-process vector index',
    // Statements listed one by one: the trigger function's body holds semicolons.
    statements: [
      // The embedding scaled to length 1, as float4 big-endian bytes (float4send): a quarter of the
      // float8[] text the search read before, and a dot product is the cosine. Null for a zero vector
      // (no direction, as the old cosine's nullif).
      `CREATE FUNCTION ai_memory_unit_vector(v float8[]) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT string_agg(float4send((u.x / n.len)::float4), ''::bytea ORDER BY u.i)
           FROM unnest(v) WITH ORDINALITY AS u(x, i),
                (SELECT sqrt(sum(x * x)) AS len FROM unnest(v) AS x) n
          WHERE n.len > 0
       $$`,
      // A table of its own, not a column: a 1 KB vector (256 dimensions) kept in the memories' heap
      // (below the TOAST threshold) made every lexical scan read 8x the pages.
      `CREATE TABLE ai_memory_unit_vectors (
         memory_id text PRIMARY KEY REFERENCES ai_memory_memories (id) ON DELETE CASCADE,
         unit bytea NOT NULL
       )`,
      `INSERT INTO ai_memory_unit_vectors (memory_id, unit)
         SELECT id, unit FROM ai_memory_memories, ai_memory_unit_vector(embedding) AS unit WHERE unit IS NOT NULL`,
      `CREATE TABLE ai_memory_scope_changes (
         user_id text NOT NULL,
         namespace text NOT NULL,
         generation bigint NOT NULL DEFAULT 1,
         PRIMARY KEY (user_id, namespace)
       )`,
      // Once per statement, whoever writes (an older replica, or another one through DATABASE_URL):
      // keeps the unit vectors in step with embedding, and counts a change of the written scopes.
      `CREATE FUNCTION ai_memory_memories_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'DELETE' THEN
           INSERT INTO ai_memory_unit_vectors AS v (memory_id, unit)
             SELECT c.id, unit FROM changed c, ai_memory_unit_vector(c.embedding) AS unit WHERE unit IS NOT NULL
             ON CONFLICT (memory_id) DO UPDATE SET unit = EXCLUDED.unit;
           DELETE FROM ai_memory_unit_vectors v USING changed c
             WHERE v.memory_id = c.id AND ai_memory_unit_vector(c.embedding) IS NULL;
         END IF;
         INSERT INTO ai_memory_scope_changes AS s (user_id, namespace)
           SELECT DISTINCT user_id, namespace FROM changed
           ON CONFLICT (user_id, namespace) DO UPDATE SET generation = s.generation + 1;
         RETURN NULL;
       END
       $$`,
      `CREATE TRIGGER ai_memory_memories_inserted AFTER INSERT ON ai_memory_memories
         REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ai_memory_memories_changed()`,
      `CREATE TRIGGER ai_memory_memories_updated AFTER UPDATE ON ai_memory_memories
         REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ai_memory_memories_changed()`,
      `CREATE TRIGGER ai_memory_memories_deleted AFTER DELETE ON ai_memory_memories
         REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ai_memory_memories_changed()`,
    ],
  },
];

/** A schema version: `sql` split on ";" (no semicolons inside), or `statements` as they are. */
export type Migration = { version: number; name: string } & ({ sql: string } | { statements: readonly string[] });

/**
 * Refreshes the planner's statistics. PGlite runs no autovacuum: without this a store that grew
 * since it was created plans every query as if its tables were empty (list_entities took seconds).
 */
export const ANALYZE = 'ANALYZE ai_memory_memories, ai_memory_entities, ai_memory_memory_entities';

/**
 * Applies every migration not yet recorded (running it again changes nothing) and refreshes the
 * statistics. Returns the versions applied. `versions` other than all: tests building an older schema.
 */
export async function migrate(db: Database, versions: readonly Migration[] = migrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('ai-memory-mcp schema migrations'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ai_memory_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM ai_memory_schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of versions) {
      if (done.has(migration.version)) continue;
      const statements = 'sql' in migration ? splitStatements(migration.sql) : migration.statements;
      for (const statement of statements) await tx.query(statement);
      await tx.query('INSERT INTO ai_memory_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await tx.query(ANALYZE);
    return applied;
  });
}

/** Our migrations hold no semicolons inside literals, so a split on ";" is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}
