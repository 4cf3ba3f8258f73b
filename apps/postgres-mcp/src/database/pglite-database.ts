import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, RawResult, RunOptions, StatementResult } from './database';
import { runStatement } from './transaction';

/** Keeps PGlite from parsing anything: values.ts turns PostgreSQL's text into JSON by type. */
const raw = (value: string) => value;

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) on disk. It has one connection;
 * PGlite's transaction() serialises calls, so each still runs alone in its own transaction.
 */
export class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;
  private readonly typeNames = new Map<number, string>();
  private opened: Promise<PGlite> | undefined;

  constructor(private readonly dataDir: string) {}

  private open(): Promise<PGlite> {
    return (this.opened ??= (async () => {
      mkdirSync(this.dataDir, { recursive: true });
      const db = new PGlite(this.dataDir);
      await db.waitReady;
      return db;
    })());
  }

  async run(sql: string, params: readonly unknown[], options: RunOptions): Promise<StatementResult> {
    const db = await this.open();
    // Every parser PGlite knows (array types included), replaced by the identity.
    const parsers = Object.fromEntries(Object.keys({ ...types.parsers, ...db.parsers }).map((oid) => [oid, raw]));
    return db.transaction(async (tx) => {
      if (options.readOnly) await tx.query('SET TRANSACTION READ ONLY');
      const query = async (text: string, values: readonly unknown[]): Promise<RawResult> => {
        // tx.query is PGlite's extended protocol: one statement only.
        const out = await tx.query<unknown[]>(text, [...values], { rowMode: 'array', parsers });
        return {
          command: out.command ?? text.trim().split(/\s+/)[0].toUpperCase(),
          fields: out.fields,
          rows: out.rows as (string | null)[][],
          rowCount: out.rowCount ?? out.affectedRows ?? out.rows.length,
        };
      };
      const result = await runStatement(query, this.typeNames, sql, params, options);
      if (options.readOnly || options.rollback) await tx.rollback();
      return result;
    });
  }

  async connectedRole(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}
