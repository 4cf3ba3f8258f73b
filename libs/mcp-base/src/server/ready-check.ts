export type ReadyState = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; reason: string };

/**
 * The app context's own readiness (its `ready()` hook, e.g. "the store is open"), remembered so
 * /readyz answers at once. A failed check runs again on the next refresh, so a database that comes
 * up after the server turns it ready without a restart.
 */
export class ReadyCheck {
  private state: ReadyState;
  private running: Promise<void> | undefined;

  constructor(
    private readonly check: (() => Promise<void>) | undefined,
    /** Turns a failure into the reason shown on /readyz (scrubbed of secrets by the caller). */
    private readonly reasonOf: (error: unknown) => string,
  ) {
    this.state = check ? { kind: 'starting' } : { kind: 'ready' };
  }

  get current(): ReadyState {
    return this.state;
  }

  /** Starts a check unless the context is ready or one is running; resolves when it settled. */
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
    return this.running;
  }
}
