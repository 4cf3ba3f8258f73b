import { z } from 'zod';

/** Gong ids are numeric strings of up to 20 digits; anything else never reaches Gong. */
export const gongId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,20}$/, `a Gong ${what} id is up to 20 digits`)
    .describe(`Gong ${what} id (up to 20 digits).`);

export const dateTime = (description: string) => z.iso.datetime({ offset: true }).describe(description);

export const workspaceId = z
  .string()
  .regex(/^\d{1,20}$/, 'a Gong workspace id is up to 20 digits')
  .optional()
  .describe('Only this workspace (omit for all workspaces).');

const DAY_MS = 24 * 60 * 60 * 1000;

/** A call window with defaults: up to now, from `defaultDays` before its end. */
export function callWindow(from: string | undefined, to: string | undefined, defaultDays: number) {
  const end = to ?? new Date().toISOString();
  const start = from ?? new Date(Date.parse(end) - defaultDays * DAY_MS).toISOString();
  return { fromDateTime: start, toDateTime: end };
}
