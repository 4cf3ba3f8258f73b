/**
 * The one error type tools and upstream clients throw. The registry turns it into
 * an `isError` tool result whose text starts with the kind, so clients and models
 * can tell "fix your arguments" from "try again later" from "ask an admin".
 */
export type ToolErrorKind =
  | 'invalid_input'
  | 'not_configured'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'upstream_error'
  | 'timeout';

export interface ToolErrorDetails {
  /** HTTP status the upstream answered with, when there was one. */
  status?: number;
  /** Seconds the caller should wait before retrying (rate limits). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ToolError extends Error {
  override readonly name = 'ToolError';

  constructor(
    readonly kind: ToolErrorKind,
    message: string,
    readonly details: ToolErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  static invalidInput(message: string): ToolError {
    return new ToolError('invalid_input', message);
  }

  static notFound(message: string): ToolError {
    return new ToolError('not_found', message);
  }

  /**
   * Says what to set and where it may come from, so the fix is obvious. `need` names the
   * variables, e.g. "GITHUB_TOKEN" or "one of: A and B (key pair), or C (token)".
   */
  static notConfigured(service: string, need: string, reason?: string): ToolError {
    const where = /^[A-Z][A-Z0-9_]*$/.test(need)
      ? `(environment variable, or environmentVariables.${need} in the Pulumi ESC environment)`
      : '(environment variables, or environmentVariables.<NAME> in the Pulumi ESC environment)';
    const suffix = reason ? ` ${reason}` : '';
    return new ToolError('not_configured', `${service} is not configured: set ${need} ${where}.${suffix}`);
  }

  /** The text a client sees: kind first, then the message, then any retry hint. */
  toText(): string {
    const retry =
      this.details.retryAfterSeconds === undefined ? '' : ` Retry after ${this.details.retryAfterSeconds}s.`;
    return `${this.kind}: ${this.message}${retry}`;
  }
}

export function isToolError(error: unknown): error is ToolError {
  return error instanceof ToolError;
}

/**
 * The ToolError behind an error: itself, or one an SDK wrapped as `cause` (Octokit, fetch)
 * or `original` (Slack's WebClient), e.g. a timeout or rate limit from the upstream fetch.
 */
export function findToolError(error: unknown): ToolError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof ToolError) return current;
    if (typeof current !== 'object') return undefined;
    const wrapper = current as { cause?: unknown; original?: unknown };
    current = wrapper.cause ?? wrapper.original;
  }
  return undefined;
}
