import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../observability/logger';

/** What an upstream request needs to know about the tool call that made it. */
export interface CallScope {
  /** Aborts when the call ends, times out or is cancelled. */
  signal: AbortSignal;
  requestId: string;
  logger: Logger;
  /** Epoch ms when the call times out: no wait may go past it. */
  deadline: number;
  /** The tool declares no side effects, so every request it makes may be repeated. */
  readOnly: boolean;
}

const scopes = new AsyncLocalStorage<CallScope>();

/**
 * Runs a tool handler inside its call's scope. Vendor clients are built once per process;
 * the fetch they are given reads the scope, so each request is bound to the call that made it.
 */
export function runInCallScope<T>(scope: CallScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

/** The current tool call, or undefined outside one (start-up, background work). */
export function currentCall(): CallScope | undefined {
  return scopes.getStore();
}
