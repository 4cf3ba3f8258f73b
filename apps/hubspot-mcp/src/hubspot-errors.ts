import type { UpstreamInit } from '@sophia/mcp-base';

type Fetch = (input: string, init: UpstreamInit) => Promise<Response>;

/**
 * HubSpot's error body: `{ status: 'error', message, category, errors: [{ message, context }] }`.
 * A missing scope names the scopes in `errors[].context.requiredGranularScopes` (older answers:
 * `requiredScopes`); validation errors put the field-level reasons in `errors[].message`.
 */
interface HubspotErrorBody {
  message?: unknown;
  category?: unknown;
  errors?: Array<{ message?: unknown; context?: Record<string, unknown> }>;
}

/**
 * Wraps the upstream fetch so that a HubSpot error answer reaches UpstreamClient as one message that
 * says what to do: the scopes to add to the private app, the field-level validation reasons, or which
 * id or object type was not found. Success answers and non-JSON bodies pass through unchanged.
 */
export function withHubspotErrorMessages(fetch: Fetch): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const message = hubspotMessage(text, response.status, new URL(input).pathname);
    const body = message === undefined ? text : JSON.stringify({ message });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function hubspotMessage(text: string, status: number, path: string): string | undefined {
  const body = parseBody(text);
  if (!body) return status === 404 && !text.trim() ? notFound(path) : undefined;
  const base = typeof body.message === 'string' ? body.message.trim() : '';
  const details = (body.errors ?? []).map((error) => (typeof error.message === 'string' ? error.message.trim() : ''));
  if (body.category === 'MISSING_SCOPES') {
    const scopes = [...new Set((body.errors ?? []).flatMap((error) => requiredScopes(error.context)))];
    const needed = scopes.length ? `It needs the scope(s) ${scopes.join(', ')}` : 'It needs a scope the token lacks';
    return `${needed}: add them to the private app (HubSpot: Settings > Integrations > Private apps > Scopes) and retry.`;
  }
  if (status === 404 && !base) return notFound(path);
  const extra = details.filter((detail) => detail && !base.includes(detail));
  return [base.replace(/[.\s]+$/, ''), ...extra].filter(Boolean).join('; ') || undefined;
}

function parseBody(text: string): HubspotErrorBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as HubspotErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

function requiredScopes(context: Record<string, unknown> | undefined): string[] {
  const scopes = context?.['requiredGranularScopes'] ?? context?.['requiredScopes'];
  return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
}

const notFound = (path: string) =>
  `nothing at ${path}: check the object type (contacts, companies, deals, tickets or a custom object's type id) and the record id`;
