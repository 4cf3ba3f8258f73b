import { ToolError, parseRetryAfter, toolErrorFromStatus, type UpstreamInit } from '@sophia/mcp-base';

export const SERVICE = 'Lambda Cloud';

/** Lambda's error body: `{ error: { code, message, suggestion? } }`; `code` is the stable part. */
interface LambdaErrorBody {
  error?: { code?: unknown; message?: unknown; suggestion?: unknown };
}

/** What to do about the error codes a user can act on (Lambda's own suggestion is added when it sends one). */
const ADVICE: Record<string, string> = {
  'global/invalid-api-key': 'Set LAMBDA_API_KEY to a key from the Lambda Cloud dashboard (API keys).',
  'global/account-inactive': 'The Lambda Cloud account is inactive: fix billing in the dashboard before launching.',
  'global/object-does-not-exist': 'Check the id or name with the matching list tool.',
  'instance-operations/launch/insufficient-capacity': 'Call list_instance_types with onlyAvailable to see where capacity is now.',
  'global/quota-exceeded': 'The account quota is used up: terminate an instance or ask Lambda to raise it.',
};

/** A Lambda Cloud error that keeps Lambda's `code`, so tools can tell e.g. missing capacity apart. */
export class LambdaError extends ToolError {
  constructor(
    toolError: ToolError,
    readonly code: string | undefined,
  ) {
    super(toolError.kind, toolError.message, toolError.details);
  }
}

function parseBody(text: string): { code?: string; message?: string; suggestion?: string } {
  try {
    const { error } = JSON.parse(text) as LambdaErrorBody;
    const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : undefined);
    return { code: str(error?.code), message: str(error?.message), suggestion: str(error?.suggestion) };
  } catch {
    return { message: text.trim().slice(0, 200) || undefined };
  }
}

/** Lambda's error answer as a ToolError naming its code, Lambda's suggestion and what to do. */
export async function lambdaError(response: Response): Promise<LambdaError> {
  const { code, message, suggestion } = parseBody(await response.text());
  const said = [message?.replace(/[.\s]+$/, ''), code && `(${code})`].filter(Boolean).join(' ');
  const base = toolErrorFromStatus({
    service: SERVICE,
    status: response.status,
    message: said || undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
  const advice = [suggestion, code && ADVICE[code]].filter(Boolean).map((text) => ` ${String(text).replace(/\.?$/, '.')}`);
  return new LambdaError(new ToolError(base.kind, `${base.message}${advice.join('')}`, base.details), code);
}

type Fetch = (input: string, init: UpstreamInit) => Promise<Response>;

/** Wraps the base's upstream fetch so every Lambda error answer is mapped once, here, with its code. */
export function mapLambdaErrors(fetch: Fetch): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) return response;
    throw await lambdaError(response);
  };
}
