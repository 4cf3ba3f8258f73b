import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, runInCallScope, type CallScope } from '@sophia/mcp-base';
import { PgliteWorker } from '../src';
import { RESTART_LOG } from '../src/pglite-worker';

jest.setTimeout(60_000);

/** A tool call's scope whose deadline is `ms` from now, as mcp-base's tool runner makes it. */
function callScope(ms: number): CallScope {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The tool call ended', 'AbortError')), ms);
  return { signal: controller.signal, requestId: 'spec', logger: createLogger({ name: 'spec', level: 'silent' }), deadline: Date.now() + ms, readOnly: false };
}

/** A call scope ended by hand, logging into `lines`: as mcp-base does, its signal aborts when the call ends. */
function manualScope(lines: string[]): CallScope & { end: () => void } {
  const controller = new AbortController();
  const logger = createLogger({ name: 'spec', level: 'warn', destination: { write: (line: string) => void lines.push(line) } });
  return { signal: controller.signal, requestId: 'spec', logger, deadline: Date.now() + 60_000, readOnly: false, end: () => controller.abort() };
}

describe('PgliteWorker', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pglite-worker-spec-'));
  let db: PgliteWorker;
  beforeAll(async () => {
    db = await PgliteWorker.open(join(dataDir, 'db'));
    await db.query('CREATE TABLE notes (id int PRIMARY KEY, body text, meta jsonb)');
  });
  afterAll(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers queries with parsed values, or PostgreSQL text when raw', async () => {
    await db.query('INSERT INTO notes VALUES ($1, $2, $3::jsonb)', [1, 'one', JSON.stringify({ a: 1 })]);
    const parsed = await db.query<{ id: number; meta: unknown }>('SELECT id, meta FROM notes WHERE id = 1');
    expect(parsed.rows).toEqual([{ id: 1, meta: { a: 1 } }]);
    const raw = await db.query('SELECT id, meta FROM notes WHERE id = 1', [], { rowMode: 'array', raw: true });
    expect(raw.rows).toEqual([['1', '{"a": 1}']]);
    expect(raw.fields.map((field) => field.name)).toEqual(['id', 'meta']);
  });

  it('commits a transaction, rolls back on error or rollback(), and keeps PostgreSQL error fields', async () => {
    await db.transaction((tx) => tx.query('INSERT INTO notes (id, body) VALUES (2, $1)', ['two']));
    const failing = db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES (3, $1)', ['three']);
      await tx.query('INSERT INTO notes (id, body) VALUES (2, $1)', ['duplicate']);
    });
    await expect(failing).rejects.toMatchObject({ code: '23505', message: expect.stringContaining('duplicate key') });
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES (4, $1)', ['four']);
      await tx.rollback();
    });
    const ids = await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id');
    expect(ids.rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('runs a batch in one transaction: committed, rolled back when asked, or rolled back naming the failed step', async () => {
    const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id';
    const [, inserted] = await db.batch(
      [{ sql: "SELECT set_config('DateStyle', 'ISO, YMD', true)" }, { sql: insert, params: [10, 'ten'], options: { rowMode: 'array', raw: true } }],
      { commit: true },
    );
    expect(inserted.rows).toEqual([['10']]);
    await db.batch([{ sql: insert, params: [11, 'eleven'] }], { commit: false });
    const failing = db.batch([{ sql: insert, params: [12, 'twelve'] }, { sql: insert, params: [10, 'duplicate'] }], { commit: true });
    await expect(failing).rejects.toMatchObject({ code: '23505', step: 1 });
    const ids = await db.query<{ id: number }>('SELECT id FROM notes WHERE id >= 10 ORDER BY id');
    expect(ids.rows.map((row) => row.id)).toEqual([10]);
    await db.query('DELETE FROM notes WHERE id = 10');
  });

  it('ends a statement that outlives its call, restarts on the same data, and runs the queued work', async () => {
    const started = Date.now();
    const slow = runInCallScope(callScope(500), () => db.query('SELECT pg_sleep(30)'));
    const queued = db.query<{ count: number }>('SELECT count(*)::int AS count FROM notes');
    await expect(slow).rejects.toThrow(/restarted/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await queued).rows).toEqual([{ count: 2 }]);
    const ids = await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id');
    expect(ids.rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('loses the unfinished transaction of a call that ran out of time, and nothing committed before', async () => {
    const slow = runInCallScope(callScope(500), () =>
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO notes (id, body) VALUES (5, 'unfinished')");
        await tx.query('SELECT pg_sleep(30)');
      }),
    );
    await expect(slow).rejects.toThrow(/restarted/);
    const ids = await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id');
    expect(ids.rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('never opens a directory twice: a second open waits for the closing holder, and refuses an open one', async () => {
    await expect(PgliteWorker.open(join(dataDir, 'db'))).rejects.toThrow(/already open in this process/);
    const closing = db.close();
    db = await PgliteWorker.open(join(dataDir, 'db'));
    await closing;
    const ids = await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id');
    expect(ids.rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('does not start work whose call already ended', async () => {
    const scope = callScope(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(runInCallScope(scope, () => db.query('SELECT 1'))).rejects.toThrow(/tool call ended/);
  });

  it('restarts once for a cancelled call; calls whose signal aborts after their unit finished never restart it', async () => {
    const lines: string[] = [];
    const restarts = () => lines.filter((line) => line.includes(RESTART_LOG)).length;
    const cancelled = manualScope(lines);
    const slow = runInCallScope(cancelled, () => db.query('SELECT pg_sleep(30)'));
    setTimeout(cancelled.end, 300);
    await expect(slow).rejects.toThrow(/restarted/);
    expect(restarts()).toBe(1);
    for (let n = 0; n < 20; n++) {
      const scope = manualScope(lines);
      const answer = await runInCallScope(scope, () => db.query<{ n: number }>('SELECT $1::int AS n', [n]));
      scope.end(); // the call's end, after its answer
      expect(answer.rows).toEqual([{ n }]);
    }
    expect(restarts()).toBe(1);
  });
});
