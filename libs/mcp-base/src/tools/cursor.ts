import { z } from 'zod';
import { ToolError } from '../errors/tool-error';

/**
 * Opaque pagination cursors. Every list tool takes `cursor` and returns `nextCursor`;
 * what is inside (a page number, an upstream cursor, an offset) is the tool's business.
 */
export function encodeCursor(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, unknown>>(cursor: string | undefined): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (state && typeof state === 'object' && !Array.isArray(state)) return state as T;
  } catch {
    // fall through to the error below
  }
  throw ToolError.invalidInput('cursor is not valid: pass the nextCursor from a previous result unchanged');
}

/**
 * The `cursor` and `limit` inputs every list tool shares:
 * `input: z.object({ owner, repo, ...pageInput({ defaultLimit: 30 }) })`.
 */
export function pageInput(options: { defaultLimit?: number; maxLimit?: number } = {}) {
  const { defaultLimit = 30, maxLimit = 100 } = options;
  return {
    cursor: z.string().optional().describe('nextCursor from the previous page; omit for the first page.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(defaultLimit)
      .describe(`Items per page (1-${maxLimit}, default ${defaultLimit}).`),
  };
}
