/** Hooks an app context may carry: readiness of what it opened, and closing it at shutdown. */
export interface ContextLifecycle {
  /**
   * Resolves when the context can serve (e.g. its store is open and migrated); a rejection makes
   * /readyz answer 503 `not_ready` with the error's message. Called again while it fails.
   */
  ready?: () => Promise<void>;
  /** Closes pools and embedded stores; called once, after in-flight calls have finished. */
  dispose?: () => Promise<void>;
}

const LIFECYCLE = Symbol('mcp-base context lifecycle');

export interface ContextWithLifecycle<AppContext> {
  readonly [LIFECYCLE]: ContextLifecycle;
  readonly context: AppContext;
}

/** What createContext returns when the context opens something: `withLifecycle({ store }, { ready, dispose })`. */
export function withLifecycle<AppContext>(context: AppContext, hooks: ContextLifecycle): ContextWithLifecycle<AppContext> {
  return { [LIFECYCLE]: hooks, context };
}

/** The context and its hooks, whichever form createContext returned. */
export function unwrapContext<AppContext>(
  made: AppContext | ContextWithLifecycle<AppContext>,
): { context: AppContext; hooks: ContextLifecycle } {
  if (made && typeof made === 'object' && LIFECYCLE in made) {
    const wrapped = made as ContextWithLifecycle<AppContext>;
    return { context: wrapped.context, hooks: wrapped[LIFECYCLE] };
  }
  return { context: made as AppContext, hooks: {} };
}
