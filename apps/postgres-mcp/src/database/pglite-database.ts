import { PgliteWorker } from '@sophia/pglite-worker';
import { CatalogMemo } from './catalog-memo';
import type { Database, RawResult, RunOptions, StatementResult } from './database';
import { runStatement } from './transaction';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) on disk, on its own worker thread
 * (@sophia/pglite-worker), so a long statement never stalls other calls or the health probes, and
 * a call past MCP_TOOL_TIMEOUT_MS ends it (PGlite ignores statement_timeout). One connection: each
 * call still runs alone in its own transaction.
 */
export class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;
  readonly catalogMemo = new CatalogMemo();
  private readonly typeNames = new Map<number, string>();
  private opened: Promise<PgliteWorker> | undefined;

  constructor(private readonly dataDir: string) {}

  /** Opens once; a failed open is forgotten, so the next call (or readiness probe) tries again. */
  private open(): Promise<PgliteWorker> {
    return (this.opened ??= PgliteWorker.open(this.dataDir).catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    }));
  }

  async run(sql: string, params: readonly unknown[], options: RunOptions): Promise<StatementResult> {
    const mayCommit = !options.readOnly && !options.rollback;
    if (mayCommit) this.catalogMemo.forget();
    try {
      return await this.runInTransaction(sql, params, options);
    } catch (error) {
      this.catalogMemo.forget();
      throw error;
    } finally {
      if (mayCommit) this.catalogMemo.forget();
    }
  }

  private async runInTransaction(sql: string, params: readonly unknown[], options: RunOptions): Promise<StatementResult> {
    const db = await this.open();
    return db.transaction(async (tx) => {
      if (options.readOnly) await tx.query('SET TRANSACTION READ ONLY');
      const query = async (text: string, values: readonly unknown[]): Promise<RawResult> => {
        // PGlite's extended protocol: one statement only; `raw` keeps PostgreSQL's text for values.ts.
        const out = await tx.query<(string | null)[]>(text, values, { rowMode: 'array', raw: true });
        return {
          command: out.command ?? text.trim().split(/\s+/)[0].toUpperCase(),
          fields: out.fields,
          rows: out.rows,
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
