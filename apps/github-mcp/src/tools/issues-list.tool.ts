import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { direction, owner, repo, timestamp } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { compactIssue, issueOutput, pageOutput } from '../shapes';

export const listIssues = defineGithubTool({
  name: 'list_issues',
  toolset: 'issues',
  title: 'List issues',
  description:
    'Lists issues of a repository (pull requests excluded), filtered by state, labels, assignee and update ' +
    'time. Use it to triage or find an issue number; read one with get_issue. Returns a page of issues ' +
    '(number, title, state, author, labels, assignees, commentCount, dates) plus nextCursor; up to 100 per ' +
    'page. GitHub pages issues and pull requests together, so a page can hold fewer items than the limit ' +
    'while nextCursor is still set.',
  input: z.object({
    owner,
    repo,
    state: z.enum(['open', 'closed', 'all']).default('open').describe('Issue state (default open).'),
    labels: z
      .array(z.string().min(1).max(100))
      .max(20)
      .optional()
      .describe('Only issues carrying all of these label names.'),
    assignee: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Only issues assigned to this login; "none" for unassigned, "*" for assigned to anyone.'),
    since: timestamp('Only issues updated at or after this time').optional(),
    sort: z.enum(['created', 'updated', 'comments']).default('created').describe('Sort field (default created).'),
    direction: direction.default('desc').describe('Sort direction (default desc).'),
    ...pageInput(),
  }),
  output: pageOutput(issueOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.issues.listForRepo({
      owner: input.owner,
      repo: input.repo,
      state: input.state,
      labels: input.labels?.join(','),
      assignee: input.assignee,
      since: input.since,
      sort: input.sort,
      direction: input.direction,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      // This endpoint also returns pull requests; list_pull_requests covers those.
      items: response.data.filter((issue) => !issue.pull_request).map(compactIssue),
      nextCursor: nextCursor(page, response),
    };
  },
});
