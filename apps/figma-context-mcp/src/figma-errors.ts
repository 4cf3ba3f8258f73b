import { ToolError, parseRetryAfter, toolErrorFromStatus } from '@sophia/mcp-base';

const SERVICE = 'Figma';

/**
 * A failed Figma answer → the ToolError that says what to do. Figma's bodies are
 * `{ status, err }` (most endpoints) or `{ error: true, status, message }` (newer ones); its 429s
 * explain themselves in headers (plan tier, rate-limit type, upgrade link); an invalid token is a
 * 403 "Invalid token". `scope` is the OAuth scope the endpoint needs, named on a 403.
 */
export async function figmaFailure(response: Response, scope: string): Promise<ToolError> {
  const said = figmaMessage(await response.text());
  const { status } = response;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (status === 429) return rateLimited(response, said, retryAfterSeconds);
  if (status === 401 || (status === 403 && /invalid token|token expired|unauthori[sz]ed/i.test(said ?? ''))) {
    return new ToolError(
      'unauthorized',
      `${SERVICE} rejected the credentials (HTTP ${status})${colon(said)}. Check FIGMA_TOKEN (a personal access token) or FIGMA_OAUTH_TOKEN, and that it has not expired.`,
      { status },
    );
  }
  if (status === 403) {
    return new ToolError(
      'forbidden',
      `${SERVICE} denied access (HTTP 403)${colon(said)}. The token's user needs access to this file, and the token the scope ${scope}.`,
      { status },
    );
  }
  if (status === 404) {
    return new ToolError(
      'not_found',
      `${SERVICE} found nothing there (HTTP 404)${colon(said)}. Check the file key (the part after /design/ in the URL; a branch has its own key) and that the token's user can open the file.`,
      { status },
    );
  }
  if (status === 500 || status === 400) {
    // Figma documents both for requests too large to finish (huge renders, whole big files).
    const error = toolErrorFromStatus({ service: SERVICE, status, message: said });
    return new ToolError(error.kind, `${error.message} If the request was large, ask for fewer or smaller nodes (a nodeId, a lower depth or scale).`, {
      status,
    });
  }
  return toolErrorFromStatus({ service: SERVICE, status, message: said, retryAfterSeconds });
}

function rateLimited(response: Response, said: string | undefined, retryAfterSeconds: number | undefined): ToolError {
  const type = response.headers.get('x-figma-rate-limit-type');
  const tier = response.headers.get('x-figma-plan-tier');
  const upgrade = response.headers.get('x-figma-upgrade-link');
  const facts = [tier && `plan tier ${tier}`, type && `rate-limit type ${type}`].filter(Boolean).join(', ');
  const monthly = type === 'low' || tier === 'starter';
  const advice = monthly
    ? ' Files in a Starter plan, and tokens of View or Collab seats, get only a handful of requests a month (up to 6 for file ' +
      'content and renders): move the file into a team on a paid plan, or use a token of a Full or Dev seat there.' +
      (upgrade ? ` Upgrade: ${upgrade}.` : '')
    : ' Wait, then ask for less at once (a nodeId, a lower depth).';
  return new ToolError('rate_limited', `${SERVICE} rate limit reached (HTTP 429${facts ? `; ${facts}` : ''})${colon(said)}.${advice}`, {
    status: 429,
    retryAfterSeconds,
  });
}

/** Figma's own message (`err`, or `message` on newer endpoints), else the start of the body. */
export function figmaMessage(text: string): string | undefined {
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as { err?: unknown; message?: unknown };
    const message = typeof body.err === 'string' ? body.err : typeof body.message === 'string' ? body.message : undefined;
    if (message) return message.slice(0, 500);
  } catch {
    // not JSON: the raw text below
  }
  return text.slice(0, 200);
}

const colon = (said: string | undefined) => (said ? `: ${said.trim().replace(/[.\s]+$/, '')}` : '');
