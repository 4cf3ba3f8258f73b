import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * Input fields several tools share. Asana ids ("gid") are opaque strings (digits today); the
 * pattern rejects path tricks ("../", "a/b") before any request is made.
 */
export const gid = (what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `an Asana ${what} gid, e.g. "1204567890123456"`)
    .describe(`Asana ${what} gid (numeric string), e.g. "1204567890123456".`);

/** Where Asana takes a user: "me", an email address or a user gid. */
export const userRef = z
  .string()
  .regex(/^(me|[A-Za-z0-9_-]{1,64}|[^\s@]+@[^\s@]+)$/, '"me", an email address or a user gid')
  .describe('A user: "me" (the token\'s owner), an email address or a user gid.');

export const date = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-31')
    .describe(`${what} (YYYY-MM-DD).`);

/**
 * ISO 8601 timestamps. A plain pattern rather than z.iso.datetime(), whose JSON Schema carries a
 * 400-character regex into every tool listing.
 */
export const timestamp = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 timestamp like 2026-01-31T17:00:00Z')
    .describe(`${what} (ISO 8601, e.g. "2026-01-31T17:00:00Z").`);

/** Task notes: Asana stores plain text in `notes` (rich text would go in `html_notes`). */
export const notes = z.string().max(65_000).describe('Task description as plain text.');

/** Where Asana lists projects and users: a whole workspace, or one team of an organization. */
export const workspaceOrTeam = z.object({
  workspaceGid: gid('workspace').optional().describe('Workspace gid (from list_workspaces). Give this or teamGid.'),
  teamGid: gid('team').optional().describe('Team gid, to list one team only. Give this or workspaceGid.'),
});

/** The `workspace` or `team` query parameter from workspaceOrTeam, refusing none and both before any request. */
export function workspaceOrTeamQuery(input: z.output<typeof workspaceOrTeam>): { workspace?: string; team?: string } {
  if ((input.workspaceGid === undefined) === (input.teamGid === undefined)) {
    throw ToolError.invalidInput('give exactly one of workspaceGid or teamGid');
  }
  return { workspace: input.workspaceGid, team: input.teamGid };
}
