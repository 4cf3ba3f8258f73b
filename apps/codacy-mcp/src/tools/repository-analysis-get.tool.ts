import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { repositoryInput, repositoryPath } from '../inputs';
import { compactRepositoryAnalysis, repositoryAnalysisOutput, type CodacyRepositoryWithAnalysis } from '../shapes/repositories';

export const getRepositoryAnalysis = defineCodacyTool({
  name: 'get_repository_analysis',
  toolset: 'repositories',
  title: 'Get a repository\'s analysis',
  description:
    'Reads the quality of one repository on a branch (default: its main branch): grade, issues and issues per kLoC, ' +
    'coverage, complexity and duplication with the repository\'s goals, languages, coding standards, quality gate and ' +
    'set-up problems Codacy reports. Use search_issues next to see the issues themselves.',
  input: z.object({
    ...repositoryInput,
    branch: z.string().min(1).max(250).optional().describe('Branch enabled on Codacy; omit for the main branch.'),
  }),
  output: repositoryAnalysisOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) =>
    compactRepositoryAnalysis(await ctx.api.get<CodacyRepositoryWithAnalysis>(`analysis/${repositoryPath(input)}`, { branch: input.branch })),
});
