import { ANONYMOUS_CLIENT } from './client-tokens';

/** Who makes a tool call: the bearer identity, and the name the MCP client gives itself when it does. */
export interface Caller {
  /** The name of the bearer token it presented (MCP_AUTH_TOKENS), "default" (MCP_AUTH_TOKEN) or "anonymous" (no auth). */
  client: string;
  /** clientInfo.name from the 2026-07-28 request envelope; client-chosen text, so only logged, never trusted. */
  clientName?: string;
}

export const ANONYMOUS: Caller = { client: ANONYMOUS_CLIENT };

/** The parts of the SDK's request context a caller is read from (bearerAuth sets authInfo.clientId). */
interface RequestContextLike {
  http?: { authInfo?: { clientId: string } };
  mcpReq: { envelope?: object };
}

const CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
const MAX_CLIENT_NAME = 64;

export function callerOf(ctx: RequestContextLike): Caller {
  const client = ctx.http?.authInfo?.clientId ?? ANONYMOUS_CLIENT;
  const info = (ctx.mcpReq.envelope as Record<string, { name?: unknown } | undefined> | undefined)?.[CLIENT_INFO];
  const name = typeof info?.name === 'string' ? info.name.slice(0, MAX_CLIENT_NAME) : undefined;
  return name ? { client, clientName: name } : { client };
}
