import { z } from 'zod';

/**
 * Input fields most tools share. The patterns follow GitHub's naming rules closely enough to
 * reject typos and path tricks ("../", "owner/repo" in one field) before any request is made.
 */
export const owner = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,99})$/, 'a GitHub user or organization login, e.g. "octocat"')
  .describe('Repository owner: a user or organization login, e.g. "octocat".');

export const repo = z
  .string()
  .regex(/^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/, 'a repository name without the owner, e.g. "hello-world"')
  .describe('Repository name without the owner, e.g. "hello-world".');

export const issueNumber = z.number().int().positive().describe('Issue number, as shown after "#".');

export const pullNumber = z.number().int().positive().describe('Pull request number, as shown after "#".');

/**
 * ISO 8601 timestamps, which is what GitHub's `since`/`until` take. A plain pattern rather than
 * z.iso.datetime(), whose JSON Schema carries a 400-character regex into every tool listing.
 */
export const timestamp = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 timestamp like 2026-01-31T00:00:00Z')
    .describe(`${what} (ISO 8601, e.g. "2026-01-31T00:00:00Z").`);

export const direction = z.enum(['asc', 'desc']).describe('Sort direction.');
