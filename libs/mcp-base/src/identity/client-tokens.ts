import { z } from 'zod';
import { ConfigError } from '../config/env-schema';

/** One bearer identity: the name audit lines and rate limits use, and its secret token. */
export interface ClientToken {
  name: string;
  token: string;
}

/** The identity of MCP_AUTH_TOKEN, and of every caller when no token is configured. */
export const DEFAULT_CLIENT = 'default';
export const ANONYMOUS_CLIENT = 'anonymous';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * MCP_AUTH_TOKENS: comma-separated `name:token` pairs, one per client (`ci:…,alice-laptop:…`).
 * Errors name the entry by position and name, never by its token.
 */
export const clientTokensEnv = (minLength: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
      const clients: ClientToken[] = [];
      entries.forEach((entry, index) => {
        const colon = entry.indexOf(':');
        const name = colon < 0 ? '' : entry.slice(0, colon).trim();
        const token = colon < 0 ? '' : entry.slice(colon + 1).trim();
        const problem = entryProblem(name, token, minLength, clients);
        if (problem) ctx.addIssue({ code: 'custom', message: `entry ${index + 1}${name ? ` ("${name}")` : ''}: ${problem}` });
        else clients.push({ name, token });
      });
      return clients;
    });

function entryProblem(name: string, token: string, minLength: number, earlier: readonly ClientToken[]): string | undefined {
  if (!name || !token) return 'expected name:token';
  if (!NAME.test(name)) return 'the name may hold letters, digits, ".", "_" and "-" (up to 64)';
  if (name === DEFAULT_CLIENT || name === ANONYMOUS_CLIENT) return `"${name}" is reserved (MCP_AUTH_TOKEN is "default")`;
  if (/\s/.test(token)) return 'the token may not contain whitespace';
  if (token.length < minLength) {
    return `the token is ${token.length} characters; it must be at least ${minLength} (make one with \`openssl rand -hex 32\`)`;
  }
  if (earlier.some((client) => client.name === name)) return 'the name is used twice';
  if (earlier.some((client) => client.token === token)) return 'the token is used by another name too';
  return undefined;
}

/** Every identity that may call /mcp: MCP_AUTH_TOKEN as "default", then the named ones. */
export function clientTokensOf(authToken: string | undefined, named: readonly ClientToken[]): ClientToken[] {
  const all = authToken ? [{ name: DEFAULT_CLIENT, token: authToken }, ...named] : [...named];
  if (authToken && named.some((client) => client.token === authToken)) {
    throw new ConfigError('A token in MCP_AUTH_TOKENS equals MCP_AUTH_TOKEN: give each client its own token.');
  }
  return all;
}
