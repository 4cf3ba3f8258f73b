import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { direction } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { searchPageOutput } from '../shapes';

export const searchRepositories = defineGithubTool({
  name: 'search_repositories',
  toolset: 'repos',
  title: 'Search repositories',
  description:
    'Finds repositories with GitHub search syntax (e.g. "mcp language:typescript org:github stars:>100"). ' +
    'Use it to discover repositories or to resolve a name to owner/repo. Returns totalCount and a page of ' +
    'repositories (fullName, description, language, stars, forks, open issues, last push) plus nextCursor. ' +
    'Up to 100 per page; GitHub serves at most the first 1000 results of any search.',
  input: z.object({
    query: z.string().min(1).max(256).describe('GitHub repository search query, qualifiers allowed (user:, org:, language:, topic:, stars:>N).'),
    sort: z
      .enum(['stars', 'forks', 'help-wanted-issues', 'updated'])
      .optional()
      .describe('Sort field; omit for best match.'),
    order: direction.optional().describe('Sort direction when sort is set (default desc).'),
    ...pageInput(),
  }),
  output: searchPageOutput(
    z.object({
      fullName: z.string().describe('owner/name.'),
      description: z.string().nullable(),
      private: z.boolean(),
      language: z.string().nullable(),
      stars: z.number(),
      forks: z.number(),
      openIssues: z.number(),
      topics: z.array(z.string()),
      archived: z.boolean(),
      defaultBranch: z.string(),
      pushedAt: z.string().nullable(),
      htmlUrl: z.string(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.search.repos({
      q: input.query,
      sort: input.sort,
      order: input.order,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      totalCount: response.data.total_count,
      items: response.data.items.map((repo) => ({
        fullName: repo.full_name,
        description: repo.description,
        private: repo.private,
        language: repo.language ?? null,
        stars: repo.stargazers_count,
        forks: repo.forks_count,
        openIssues: repo.open_issues_count,
        topics: repo.topics ?? [],
        archived: repo.archived,
        defaultBranch: repo.default_branch,
        pushedAt: repo.pushed_at,
        htmlUrl: repo.html_url,
      })),
      nextCursor: nextCursor(page, response),
    };
  },
});
