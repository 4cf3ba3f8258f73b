import { parseRetryAfter } from '../errors/http-status';
import type { UpstreamSettings } from './upstream-settings';

/** Answers worth another attempt of a read: the upstream said "not now", not "no". */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** Backoff never grows past this, whatever the attempt. */
const MAX_BACKOFF_MS = 5_000;

export type RetryDecision =
  | { retry: true; waitMs: number }
  | { retry: false; reason: 'not_retryable' | 'attempts_used' | 'wait_too_long' | 'past_deadline'; waitMs?: number };

export interface AttemptFacts {
  /** The HTTP status, or undefined when the connection failed without an answer. */
  status: number | undefined;
  /** The answer's Retry-After in seconds (or a vendor's equivalent), if it gave one. */
  retryAfterSeconds: number | undefined;
  /** Attempts made so far for this request (1 after the first). */
  attempts: number;
  /** The request may be sent again: a read, or a request the caller marked idempotent. */
  repeatable: boolean;
  /** When the tool call times out (epoch ms). */
  deadline: number;
}

/**
 * The one retry policy of the fleet. Reads are retried on 429/502/503/504 and on a dropped
 * connection; a Retry-After is honoured up to the cap (a longer one is not waited for: the
 * caller hears it at once), otherwise exponential backoff with jitter. No wait may outlast the call.
 */
export function decideRetry(facts: AttemptFacts, settings: UpstreamSettings, now = Date.now()): RetryDecision {
  const retryableAnswer = facts.status === undefined || RETRYABLE_STATUSES.has(facts.status);
  if (!facts.repeatable || !retryableAnswer) return { retry: false, reason: 'not_retryable' };
  if (facts.retryAfterSeconds !== undefined && facts.retryAfterSeconds * 1000 > settings.maxRetryAfterMs) {
    return { retry: false, reason: 'wait_too_long', waitMs: facts.retryAfterSeconds * 1000 };
  }
  if (facts.attempts > settings.retries) return { retry: false, reason: 'attempts_used' };
  const waitMs =
    facts.retryAfterSeconds !== undefined ? facts.retryAfterSeconds * 1000 : backoffMs(facts.attempts, settings.retryDelayMs);
  if (now + waitMs >= facts.deadline) return { retry: false, reason: 'past_deadline', waitMs };
  return { retry: true, waitMs };
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries of many calls spread out. */
export function backoffMs(attempts: number, firstDelayMs: number): number {
  const step = Math.min(firstDelayMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  return Math.round(step / 2 + Math.random() * (step / 2));
}

/** Retry-After of an answer in whole seconds (delta-seconds or HTTP-date), if it sent one. */
export function retryAfterOf(response: Response): number | undefined {
  return parseRetryAfter(response.headers.get('retry-after'));
}
