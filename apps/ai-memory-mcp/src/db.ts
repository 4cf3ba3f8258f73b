import { PgliteWorker } from '@sophia/pglite-worker';
import pg from 'pg';
import { VectorIndex } from './vector-index';

/** The little the store needs from a database: PGlite and node-postgres both fit behind it. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK on error). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** This database's cached unit vectors, shared by every MemoryStore on it (see vector-index.ts). */
  readonly vectors: VectorIndex;
}

/** A database with its own vector index, which queries through it. */
const withVectorIndex = (db: Omit<Database, 'vectors'>): Database => ({ ...db, vectors: new VectorIndex(db) });

export type DatabaseLocation = { databaseUrl: string; poolSize: number } | { dataDir: string };

/**
 * PGlite on disk, on its own worker thread (@sophia/pglite-worker): a large scan never stalls the
 * event loop, and a call past MCP_TOOL_TIMEOUT_MS ends it. One connection: units run one at a time.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  // pg_trgm: similarity search when no embeddings endpoint is configured (migration 2 creates the extension).
  const db = await PgliteWorker.open(dataDir, { extensions: ['pg_trgm'] });
  return withVectorIndex({
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await db.query<T>(sql, params)).rows }),
    transaction: (work) =>
      db.transaction((tx) => work({ query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await tx.query<T>(sql, params)).rows }) })),
    close: () => db.close(),
  });
}

/** PostgreSQL through a pg pool. */
export async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return withVectorIndex({
    kind: 'postgres',
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await client.query(sql, params)).rows as T[] }) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
}

export function openDatabase(location: DatabaseLocation): Promise<Database> {
  return 'databaseUrl' in location ? openPostgres(location.databaseUrl, location.poolSize) : openPglite(location.dataDir);
}
