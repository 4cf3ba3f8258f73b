import { RequestError } from '@octokit/request-error';
import { ToolError, parseRetryAfter, toolErrorFromStatus } from '@sophia/mcp-base';

/** Octokit's RequestError → ToolError, once for every tool. */
export function githubErrorToToolError(error: unknown): ToolError | undefined {
  if (!(error instanceof RequestError)) return undefined;
  const headers = error.response?.headers ?? {};
  if (error.status === 500 && !error.response) {
    // Octokit reports network failures as status 500 without a response.
    return new ToolError('upstream_error', `could not reach GitHub: ${error.message}`, { cause: error });
  }
  const data = error.response?.data as { message?: string; errors?: Array<{ message?: string; field?: string; code?: string }> } | undefined;
  const details = (data?.errors ?? [])
    .map((item) => item.message ?? [item.field, item.code].filter(Boolean).join(' '))
    .filter(Boolean);
  const message = [data?.message ?? error.message, ...details].join('; ');
  return toolErrorFromStatus({
    service: 'GitHub',
    status: error.status,
    message,
    retryAfterSeconds: parseRetryAfter(headers['retry-after'] as string | undefined),
    quotaExhausted: headers['x-ratelimit-remaining'] === '0',
  });
}
