import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { pullRequestNumber, repositoryInput, repositoryPath } from '../inputs';
import { pageOutput } from '../shapes/common';
import { compactIssue, issueOutput, type CodacyIssue } from '../shapes/issues';

/** Codacy's CommitDeltaIssue: an issue the pull request added or fixed. */
interface CodacyDeltaIssue {
  commitIssue: CodacyIssue;
  deltaType: 'Added' | 'Fixed';
}

export const getPullRequestIssues = defineCodacyTool({
  name: 'get_pull_request_issues',
  toolset: 'pull_requests',
  title: 'Get a pull request\'s new or fixed issues',
  description:
    'Lists the issues a pull request introduces (status "new", the default) or fixes ("fixed"), or both ("all"), as ' +
    'Codacy found them: file and line, level, category, pattern, message and the ids get_issue and ignore_issue take. ' +
    'onlyPotential lists the issues Codacy marks as potential (likely false positives) instead. Up to 100 per page, ' +
    'with nextCursor.',
  input: z.object({
    ...repositoryInput,
    pullRequestNumber,
    status: z.enum(['new', 'fixed', 'all']).default('new'),
    onlyPotential: z.boolean().default(false).describe('Only the potential issues (likely false positives) instead of the confirmed ones.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(issueOutput.extend({ change: z.enum(['Added', 'Fixed']) })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.page<CodacyDeltaIssue>('get', `analysis/${repositoryPath(input)}/pull-requests/${input.pullRequestNumber}/issues`, {
      ...input,
      query: { status: input.status, onlyPotential: input.onlyPotential },
    });
    return { ...page, items: page.items.map((delta) => ({ change: delta.deltaType, ...compactIssue(delta.commitIssue) })) };
  },
});
