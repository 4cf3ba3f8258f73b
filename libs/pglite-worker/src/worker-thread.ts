import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types, type Extension, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { makeDirectories, unpackSeed } from './seed';
import { serializeError, type ContribExtension, type QueryOptions, type QueryResult, type QueryStep, type Request, type WorkerSetup } from './protocol';

/** Keeps PGlite from parsing anything: a `raw` query gets PostgreSQL's text. */
const text = (value: string) => value;

interface OpenTransaction {
  tx: Transaction;
  finish: (commit: boolean) => void;
  done: Promise<void>;
}

/**
 * The worker thread's side: one PGlite on `workerData.dataDir`, answering requests in the order
 * they arrive. The main thread sends one unit of work at a time (a query, or a transaction's
 * queries), so PGlite's single connection is never contended here.
 */
export function servePgliteWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('servePgliteWorker runs inside a worker thread started by PgliteWorker');
  // PostgreSQL's 9 MB WASM module compiled by Liftoff only: TurboFan's optimised copy of it cost
  // ~80 MiB of resident memory and its compile time; queries measured no slower. (Process-wide:
  // it also applies to the main thread's WASM, which is compiled the same way.)
  setFlagsFromString('--liftoff-only');
  const { dataDir, extensions = [], seed } = workerData as WorkerSetup;
  const opened = open(dataDir, extensions, seed);
  opened.catch(() => undefined); // reported to the 'open' request (and every later one)
  const transactions = new Map<number, OpenTransaction>();
  let nextTx = 1;

  const handle = async (request: Request): Promise<unknown> => {
    const db = await opened;
    switch (request.op) {
      case 'open':
        return null;
      case 'query': {
        const target = request.tx === undefined ? db : transactions.get(request.tx)?.tx;
        if (!target) throw new Error(`transaction ${request.tx} is not open`);
        return query(db, target, request.sql, request.params, request.options);
      }
      case 'batch':
        return batch(db, request.steps, request.commit);
      case 'begin': {
        const id = nextTx++;
        await begin(db, id, transactions);
        return id;
      }
      case 'end': {
        const open = transactions.get(request.tx);
        if (!open) throw new Error(`transaction ${request.tx} is not open`);
        transactions.delete(request.tx);
        open.finish(request.commit);
        await open.done;
        return null;
      }
      case 'close':
        await db.close();
        return null;
    }
  };

  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    handle(request).then(
      (value) => port.postMessage({ id, ok: true, value }),
      (error: unknown) => port.postMessage({ id, ok: false, error: serializeError(error) }),
    );
  });
}

/**
 * PostgreSQL's memory settings for a store of one connection; WASM memory never shrinks, so every
 * buffer PostgreSQL touches stays resident. initdb's postgresql.conf says shared_buffers = 128MB
 * (8MB: ~290 → ~150 MiB per PGlite); an index build sorted 16+ MB in memory (+28 MiB; 4MB sorts
 * on disk instead, as does a sort or hash past work_mem).
 */
export const MEMORY_SETTINGS = ['shared_buffers=8MB', 'work_mem=2MB', 'maintenance_work_mem=4MB'];

async function open(dataDir: string, extensions: ContribExtension[], seed: string | undefined): Promise<PGlite> {
  const directory = resolve(dataDir);
  // PGlite creates its directory, but not the parents.
  await makeDirectories(dirname(directory));
  // Without a seed PGlite runs initdb in-process, which costs ~700 MiB that stays resident.
  if (seed) await unpackSeed(seed, directory);
  return PGlite.create(directory, {
    extensions: Object.fromEntries(extensions.map((name) => [name, contribExtension(name)])),
    startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS.flatMap((setting) => ['-c', setting])],
  });
}

const contrib: Record<ContribExtension, Extension> = { pg_trgm };

/**
 * A contrib extension's archive: next to the bundle when the app's build copied it there (the
 * module's own path points outside the app's output), else where @electric-sql/pglite keeps it.
 */
function contribExtension(name: ContribExtension): Extension {
  const besideBundle = join(__dirname, `${name}.tar.gz`);
  if (!existsSync(besideBundle)) return contrib[name];
  return { name, setup: async () => ({ bundlePath: pathToFileURL(besideBundle) }) };
}

async function query(
  db: PGlite,
  target: PGlite | Transaction,
  sql: string,
  params: unknown[],
  options: QueryOptions,
): Promise<QueryResult<unknown>> {
  const parsers = options.raw ? rawParsers(db) : undefined;
  const out = await target.query(sql, params, { rowMode: options.rowMode, parsers });
  // Only plain data crosses the thread boundary.
  return {
    rows: out.rows,
    fields: out.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
    affectedRows: out.affectedRows,
    rowCount: out.rowCount,
    command: out.command,
  };
}

let identityParsers: { known: number; parsers: Record<string, typeof text> } | undefined;

/**
 * Every parser PGlite knows (array types included), replaced by the identity. Built once and again
 * only when PGlite learned a type since (its parsers only grow): building it per query cost more
 * than the query.
 */
function rawParsers(db: PGlite): Record<string, typeof text> {
  const known = Object.keys(db.parsers).length;
  if (identityParsers?.known !== known) {
    const oids = Object.keys({ ...types.parsers, ...db.parsers });
    identityParsers = { known, parsers: Object.fromEntries(oids.map((oid) => [oid, text])) };
  }
  return identityParsers.parsers;
}

/** Runs `steps` in one transaction, committed or rolled back; a failing step's error carries its index as `step`. */
function batch(db: PGlite, steps: QueryStep[], commit: boolean): Promise<QueryResult<unknown>[]> {
  return db.transaction(async (tx) => {
    const results: QueryResult<unknown>[] = [];
    for (const [step, { sql, params = [], options = {} }] of steps.entries()) {
      results.push(await query(db, tx, sql, [...params], options).catch((error: unknown) => {
        throw Object.assign(error as object, { step });
      }));
    }
    if (!commit) await tx.rollback();
    return results;
  });
}

/** Opens a PGlite transaction held open until 'end' says commit or roll back. */
function begin(db: PGlite, id: number, transactions: Map<number, OpenTransaction>): Promise<void> {
  return new Promise<void>((started, failed) => {
    let finish: (commit: boolean) => void = () => undefined;
    const decided = new Promise<boolean>((resolve) => (finish = resolve));
    const done = db.transaction(async (tx) => {
      transactions.set(id, { tx, finish, done });
      started();
      if (!(await decided) && !tx.closed) await tx.rollback();
    });
    done.catch(failed); // a failed BEGIN rejects 'begin'; a failed COMMIT rejects 'end'
  });
}
