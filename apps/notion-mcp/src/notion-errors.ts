import {
  APIErrorCode,
  APIResponseError,
  InvalidPathParameterError,
  RequestTimeoutError,
  UnknownHTTPResponseError,
} from '@notionhq/client';
import { ToolError, parseRetryAfter, toolErrorFromStatus } from '@sophia/mcp-base';

/**
 * Notion's documented error codes, by the HTTP status they stand for. The kind follows the code
 * (object_not_found → not_found, restricted_resource → forbidden, validation_error → invalid_input,
 * conflict_error → conflict, rate_limited → rate_limited, internal_server_error and
 * service_unavailable → upstream_error), the status only where the code is unknown.
 */
const STATUS_OF_CODE: Record<APIErrorCode, number> = {
  [APIErrorCode.InvalidJSON]: 400,
  [APIErrorCode.InvalidRequestURL]: 400,
  [APIErrorCode.InvalidRequest]: 400,
  [APIErrorCode.InvalidBeta]: 400,
  [APIErrorCode.ValidationError]: 400,
  [APIErrorCode.Unauthorized]: 401,
  [APIErrorCode.RestrictedResource]: 403,
  [APIErrorCode.ObjectNotFound]: 404,
  [APIErrorCode.ConflictError]: 409,
  [APIErrorCode.RateLimited]: 429,
  [APIErrorCode.InternalServerError]: 500,
  [APIErrorCode.ServiceUnavailable]: 503,
  [APIErrorCode.ServiceOverload]: 503,
  [APIErrorCode.GatewayTimeout]: 504,
};

/** The Notion SDK's errors → ToolError, once for every tool. */
export function notionErrorToToolError(error: unknown): ToolError | undefined {
  if (RequestTimeoutError.isRequestTimeoutError(error)) {
    return new ToolError('timeout', `Notion did not answer in time: ${error.message}`, { cause: error });
  }
  if (InvalidPathParameterError.isInvalidPathParameterError(error)) {
    return ToolError.invalidInput(`not a valid Notion id: ${error.message}`);
  }
  if (APIResponseError.isAPIResponseError(error)) {
    return toolErrorFromStatus({
      service: 'Notion',
      status: STATUS_OF_CODE[error.code] ?? error.status,
      message: error.message,
      retryAfterSeconds: retryAfter(error.headers),
    });
  }
  if (UnknownHTTPResponseError.isUnknownHTTPResponseError(error)) {
    // A body that is not Notion's error JSON (a proxy's HTML page, say): the status is all we have.
    return toolErrorFromStatus({ service: 'Notion', status: error.status, retryAfterSeconds: retryAfter(error.headers) });
  }
  return undefined;
}

function retryAfter(headers: unknown): number | undefined {
  return headers instanceof Headers ? parseRetryAfter(headers.get('retry-after')) : undefined;
}
