import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { direction, owner, repo } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { compactPullRequest, pageOutput, pullRequestOutput } from '../shapes';

export const listPullRequests = defineGithubTool({
  name: 'list_pull_requests',
  toolset: 'pull_requests',
  title: 'List pull requests',
  description:
    'Lists pull requests of a repository, filtered by state and by base or head branch. Use it to find open ' +
    'work or a pull request number; read one with get_pull_request. Returns a page of pull requests (number, ' +
    'title, state, draft, author, head, base, dates) plus nextCursor; up to 100 per page.',
  input: z.object({
    owner,
    repo,
    state: z.enum(['open', 'closed', 'all']).default('open').describe('Pull request state (default open).'),
    base: z.string().min(1).max(255).optional().describe('Only pull requests into this base branch, e.g. "main".'),
    head: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*:.+$/, 'user-or-org:branch, e.g. "octocat:new-feature"')
      .optional()
      .describe('Only pull requests from this head, as "user-or-org:branch", e.g. "octocat:new-feature".'),
    sort: z
      .enum(['created', 'updated', 'popularity', 'long-running'])
      .default('created')
      .describe('Sort field (default created).'),
    direction: direction.optional().describe('Sort direction; GitHub defaults to desc for created and asc for the other sorts.'),
    ...pageInput(),
  }),
  output: pageOutput(pullRequestOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.pulls.list({
      owner: input.owner,
      repo: input.repo,
      state: input.state,
      base: input.base,
      head: input.head,
      sort: input.sort,
      direction: input.direction,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      items: response.data.map(compactPullRequest),
      nextCursor: nextCursor(page, response),
    };
  },
});
