import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { currentCall } from '@sophia/mcp-base';
import { deserializeError, type ContribExtension, type QueryOptions, type QueryResult, type QueryStep, type Reply, type Request, type WorkerSetup } from './protocol';
import { seedArchive, startWorkerThread } from './worker-script';

export type { QueryOptions, QueryResult, QueryStep } from './protocol';

/** A transaction's handle inside PgliteWorker.transaction(). */
export interface WorkerTransaction {
  query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  /** Rolls back now instead of committing when the work returns. */
  rollback(): Promise<void>;
}

/** One worker thread and the requests waiting for its answers. */
class Thread {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;
  readonly opened: Promise<void>;
  /** Resolves once the thread is gone: only then may another open the same data directory. */
  readonly exited: Promise<void>;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(deserializeError(reply.error));
    });
    worker.on('error', (error) => this.fail(new Error(`the embedded database's worker thread failed: ${error.message}`, { cause: error })));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.fail(new Error(`the embedded database's worker thread exited (code ${code})`));
        resolve();
      }),
    );
    this.opened = this.request({ op: 'open' }).then(() => undefined);
    this.opened.catch(() => undefined); // a restart nobody waits for yet must not be an unhandled rejection
  }

  get alive(): boolean {
    return !this.failure;
  }

  request<T>(request: Request): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  /** Ends the thread at once (a statement still running included); what waited for it gets `reason`. */
  terminate(reason: Error): Promise<void> {
    this.fail(reason);
    return this.worker.terminate().then(() => undefined);
  }

  private fail(reason: Error): void {
    this.failure ??= reason;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}

/** Logged (warn, with the ended call's requestId) each time a call's end terminates the worker. */
export const RESTART_LOG = 'restarting PGlite worker: the tool call ended before its database work did';

/**
 * The instance holding each data directory in this process. Two PGlite instances on one directory
 * corrupt it, and a context's store may be reopened while the previous holder is still closing.
 */
const holders = new Map<string, PgliteWorker>();

/**
 * Embedded PGlite on a worker thread, so PostgreSQL's work (a pg_sleep, a large scan) never
 * blocks the server's event loop: health probes and other calls keep answering.
 *
 * Units of work (a query, or a transaction with its queries) run one at a time, in order, as on
 * PGlite's single connection. A unit started inside a tool call belongs to that call: when the
 * call ends before the unit does (its deadline passed, the client cancelled, shutdown), the
 * worker is terminated — WASM cannot be interrupted any other way — and a new one opens the
 * same data directory. PostgreSQL's crash recovery discards the unfinished transaction; every
 * commit acknowledged before stays. Units queued behind it never started: they run on the new
 * worker, so only the call that ran out of time fails.
 */
export class PgliteWorker {
  private thread: Thread | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly dataDir: string,
    private readonly extensions: ContribExtension[] = [],
  ) {}

  /**
   * Starts the worker and opens (creating if needed) the database in `dataDir`, after the instance
   * that held the directory in this process finished closing; one still open is an error.
   */
  static async open(dataDir: string, options: { extensions?: ContribExtension[] } = {}): Promise<PgliteWorker> {
    const key = resolve(dataDir);
    const previous = holders.get(key);
    if (previous && !previous.closing) throw new Error(`the PGlite data directory ${key} is already open in this process`);
    const db = new PgliteWorker(key, options.extensions);
    holders.set(key, db);
    try {
      await previous?.closing;
      await db.exclusive(async () => undefined);
      return db;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  query<T>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<T>> {
    return this.exclusive((thread) => thread.request({ op: 'query', sql, params: [...params], options }));
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws or calls rollback(). */
  transaction<T>(work: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    return this.exclusive(async (thread) => {
      const tx = await thread.request<number>({ op: 'begin' });
      let ended = false;
      const end = (commit: boolean) => {
        if (ended) return Promise.resolve();
        ended = true;
        return thread.request<void>({ op: 'end', tx, commit });
      };
      let result: T;
      try {
        result = await work({
          query: (sql, params = [], options = {}) => thread.request({ op: 'query', sql, params: [...params], options, tx }),
          rollback: () => end(false),
        });
      } catch (error) {
        await end(false).catch(() => undefined);
        throw error;
      }
      await end(true);
      return result;
    });
  }

  /**
   * Runs `steps` in one transaction, in one message to the worker (a transaction() costs one per
   * query, plus BEGIN and the end): committed unless `commit` is false. When a step fails, the
   * transaction rolls back and the error's `step` is the failed step's index.
   */
  batch(steps: QueryStep[], options: { commit: boolean }): Promise<QueryResult<unknown>[]> {
    return this.exclusive((thread) => thread.request({ op: 'batch', steps, commit: options.commit }));
  }

  /** Waits for the units queued now, then closes the database and ends the worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.tail;
      this.closed = true;
      const thread = this.thread;
      this.thread = undefined;
      if (thread?.alive) {
        await thread.request({ op: 'close' }).catch(() => undefined);
        await thread.terminate(new Error('the embedded database is closed'));
      }
      if (holders.get(this.dataDir) === this) holders.delete(this.dataDir);
    })();
    return this.closing;
  }

  /** Runs `unit` after every unit queued before it, on a live worker; see the class comment for deadlines. */
  private exclusive<T>(unit: (thread: Thread) => Promise<T>): Promise<T> {
    const call = currentCall();
    const signal = call?.signal;
    const run = this.tail.then(async () => {
      if (this.closed) throw new Error('the embedded database is closed');
      signal?.throwIfAborted(); // its call already ended: never start it
      const thread = await this.liveThread();
      signal?.throwIfAborted(); // it ended while the worker opened
      const onAbort = () => {
        // One line per restart: the observable that a cancelled call restarts the worker once, never later calls.
        call?.logger.warn({ dataDir: this.dataDir }, RESTART_LOG);
        void this.restart(thread);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await unit(thread);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async liveThread(): Promise<Thread> {
    if (!this.thread?.alive) {
      await this.thread?.exited; // a terminated worker may still be writing for a moment
      if (!this.thread?.alive) this.thread = this.startThread();
    }
    const thread = this.thread;
    await thread.opened.catch(async (error: unknown) => {
      await thread.terminate(error as Error);
      throw error;
    });
    return thread;
  }

  /** Ends a worker whose unit outlived its call and starts the next one at once (opening takes seconds). */
  private async restart(thread: Thread): Promise<void> {
    await thread.terminate(new Error('the tool call ended before the database finished; the embedded database was restarted'));
    await thread.exited;
    if (!this.closed && this.thread === thread) this.thread = this.startThread();
  }

  private startThread(): Thread {
    // A small young generation: the worker's JS only relays rows, and each MiB of it stays resident.
    const resourceLimits = { maxYoungGenerationSizeMb: 4 };
    const workerData: WorkerSetup = { dataDir: this.dataDir, extensions: this.extensions, seed: seedArchive() };
    return new Thread(startWorkerThread({ workerData, resourceLimits }));
  }
}
