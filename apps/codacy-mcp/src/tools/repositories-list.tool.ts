import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { organization, organizationPath, provider } from '../inputs';
import { pageOutput } from '../shapes/common';
import { compactRepositorySummary, repositorySummaryOutput, type CodacyRepositoryWithAnalysis } from '../shapes/repositories';

export const listRepositories = defineCodacyTool({
  name: 'list_repositories',
  toolset: 'repositories',
  title: 'List repositories with their quality',
  description:
    'Lists the repositories Codacy analyses in an organization, each with its grade (A-F), issue count and issues ' +
    'per kLoC, coverage, complex-file and duplication percentages, lines of code and last analysed commit. Use it to ' +
    'compare repositories or find the worst ones; get_repository_analysis gives one repository in detail. Up to 100 ' +
    'per page, with nextCursor.',
  input: z.object({
    provider,
    organization,
    search: z.string().min(1).max(100).optional().describe('Only repositories whose name contains this text.'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(repositorySummaryOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.page<CodacyRepositoryWithAnalysis>('get', `analysis/${organizationPath(input)}/repositories`, {
      ...input,
      query: { search: input.search },
    });
    return { ...page, items: page.items.map(compactRepositorySummary) };
  },
});
