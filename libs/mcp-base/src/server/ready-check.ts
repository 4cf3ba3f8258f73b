import { setTimeout as sleep } from 'node:timers/promises';

export type ReadyState = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; reason: string };

/** Longest a readiness check is waited for: a database that never answers (a dropped SYN) is "not ready", not "starting". */
export const READY_CHECK_TIMEOUT_MS = 10_000;

/**
 * The app context's own readiness (its `ready()` hook, e.g. "the store is open"), remembered so
 * /readyz answers at once. A failed check runs again on the next refresh, so a database that comes
 * up after the server turns it ready without a restart. One check at a time: a hanging one is
 * reported as failed after the timeout, and no second one piles up behind it.
 */
export class ReadyCheck {
  private state: ReadyState;
  private running: Promise<void> | undefined;

  constructor(
    private readonly check: (() => Promise<void>) | undefined,
    /** Turns a failure into the reason shown on /readyz (scrubbed of secrets by the caller). */
    private readonly reasonOf: (error: unknown) => string,
    private readonly timeoutMs = READY_CHECK_TIMEOUT_MS,
  ) {
    this.state = check ? { kind: 'starting' } : { kind: 'ready' };
  }

  get current(): ReadyState {
    return this.state;
  }

  /** Starts a check unless the context is ready or one is running; resolves when it settled or timed out. */
  refresh(): Promise<void> {
    if (!this.check || this.state.kind === 'ready') return Promise.resolve();
    const check = this.check;
    this.running ??= Promise.resolve()
      .then(check)
      .then(
        () => {
          this.state = { kind: 'ready' };
        },
        (error: unknown) => {
          this.state = { kind: 'failed', reason: this.reasonOf(error) };
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    const timedOut = sleep(this.timeoutMs, undefined, { ref: false }).then(() => {
      if (this.state.kind === 'starting') {
        this.state = { kind: 'failed', reason: this.reasonOf(new Error(`no answer within ${this.timeoutMs / 1000} s (still trying)`)) };
      }
    });
    return Promise.race([this.running, timedOut]);
  }
}
