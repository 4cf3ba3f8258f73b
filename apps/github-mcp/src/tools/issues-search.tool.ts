import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { direction } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { compactIssue, issueOutput, searchPageOutput } from '../shapes';

/** A query that already says which kind it wants is left as it is. */
const NAMES_KIND = /(^|\s)(is|type):(issue|pr|pull-request)(\s|$)/i;

export const searchIssues = defineGithubTool({
  name: 'search_issues',
  toolset: 'issues',
  title: 'Search issues and pull requests',
  description:
    'Finds issues and pull requests across repositories with GitHub search syntax (e.g. "repo:octocat/hello-world ' +
    'is:open label:bug", "org:github is:pr review-requested:@me", "author:octocat updated:>2026-01-01 crash"). ' +
    'type adds is:issue or is:pr (GitHub App user tokens must give one). Use it to find work across repositories ' +
    'or by person; read one with get_issue or get_pull_request. Returns totalCount and a page of results (repository, ' +
    'number, title, state, author, labels, isPullRequest, dates) plus nextCursor. Up to 100 per page; GitHub serves ' +
    'the first 1000 results and about 30 searches a minute.',
  input: z.object({
    query: z.string().min(1).max(256).describe('GitHub issue search query, qualifiers allowed (repo:, org:, is:, label:, author:, assignee:, state:).'),
    type: z.enum(['issue', 'pull_request']).optional().describe('Only issues or only pull requests; omit for both (or say it in the query).'),
    sort: z
      .enum(['comments', 'reactions', 'created', 'updated', 'interactions'])
      .optional()
      .describe('Sort field; omit for best match.'),
    order: direction.optional().describe('Sort direction when sort is set (default desc).'),
    ...pageInput(),
  }),
  output: searchPageOutput(issueOutput.extend({ repository: z.string().describe('owner/name.') })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const kind = input.type && !NAMES_KIND.test(input.query) ? ` is:${input.type === 'issue' ? 'issue' : 'pr'}` : '';
    const response = await ctx.octokit.rest.search.issuesAndPullRequests({
      q: `${input.query}${kind}`,
      sort: input.sort,
      order: input.order,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      totalCount: response.data.total_count,
      items: response.data.items.map((item) => ({
        // repository_url is https://api.github.com/repos/{owner}/{repo}.
        repository: item.repository_url.split('/').slice(-2).join('/'),
        ...compactIssue(item),
      })),
      nextCursor: nextCursor(page, response),
    };
  },
});
