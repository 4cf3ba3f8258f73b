import { PgliteWorker, type QueryResult } from '@sophia/pglite-worker';
import { CatalogMemo } from './catalog-memo';
import type { Database, RawResult, RunOptions, StatementResult } from './database';
import { callSteps, shapeStatement, withPositionIn } from './transaction';

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

  /**
   * The call's steps (callSteps) in one message to the worker, READ ONLY first when asked; the
   * type names of a result type not seen before are asked afterwards, on their own.
   */
  private async runInTransaction(sql: string, params: readonly unknown[], options: RunOptions): Promise<StatementResult> {
    const db = await this.open();
    const { steps, declareStep } = callSteps(sql, params, options);
    const readOnly = options.readOnly ? [{ sql: 'SET TRANSACTION READ ONLY' }] : [];
    // PGlite's extended protocol: one statement per step; `raw` keeps PostgreSQL's text for values.ts,
    // asked only for the step whose rows are the result (PGlite copies its parsers for each raw step).
    const asText = { rowMode: 'array', raw: true } as const;
    const last = steps.length - 1;
    const batch = [...readOnly, ...steps.map((step, index) => (index === last ? { ...step, options: asText } : step))];
    const results = await db
      .batch(batch, { commit: !options.readOnly && !options.rollback })
      .catch((error: unknown) => {
        const failed = (error as { step?: unknown } | null)?.step;
        throw declareStep !== undefined && failed === readOnly.length + declareStep ? withPositionIn(sql, error) : error;
      });
    const result = results[results.length - 1] as QueryResult<(string | null)[]>;
    const query = async (text: string, values: readonly unknown[]) => rawResult(await db.query<(string | null)[]>(text, values, asText), text);
    return shapeStatement(rawResult(result, steps[last].sql), query, this.typeNames, options);
  }

  async connectedRole(): Promise<null> {
    return null;
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened).close();
  }
}

function rawResult(out: QueryResult<(string | null)[]>, sql: string): RawResult {
  return {
    command: out.command ?? sql.trim().split(/\s+/)[0].toUpperCase(),
    fields: out.fields,
    rows: out.rows,
    rowCount: out.rowCount ?? out.affectedRows ?? out.rows.length,
  };
}
