import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { repositoryInput, repositoryPath } from '../inputs';
import { pageOutput } from '../shapes/common';
import { compactPullRequest, pullRequestOutput, type CodacyPullRequestWithAnalysis } from '../shapes/pull-requests';

export const listPullRequests = defineCodacyTool({
  name: 'list_pull_requests',
  toolset: 'pull_requests',
  title: 'List pull requests with their analysis',
  description:
    'Lists a repository\'s pull requests as Codacy analysed them: number, title, author, branches, whether they pass ' +
    'the quality gate, new and fixed issues, complexity, duplication and coverage deltas, diff coverage. The default ' +
    'order is the last updated first; "impact" puts the most affected quality first, "merged" lists merged ones. ' +
    'Use get_pull_request_issues and get_pull_request_coverage for one pull request. Up to 100 per page, with nextCursor.',
  input: z.object({
    ...repositoryInput,
    order: z.enum(['last-updated', 'impact', 'merged']).default('last-updated').describe('Which list Codacy returns (its `search` parameter).'),
    includeNotAnalyzed: z.boolean().default(false).describe('Also list pull requests Codacy has not analysed.'),
    ...pageInput({ defaultLimit: 30 }),
  }),
  output: pageOutput(pullRequestOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.page<CodacyPullRequestWithAnalysis>('get', `analysis/${repositoryPath(input)}/pull-requests`, {
      ...input,
      query: { search: input.order, includeNotAnalyzed: input.includeNotAnalyzed },
    });
    return { ...page, items: page.items.map(compactPullRequest) };
  },
});
