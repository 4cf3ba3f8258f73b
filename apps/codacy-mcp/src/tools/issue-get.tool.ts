import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { repositoryInput, repositoryPath } from '../inputs';
import { compactIssue, issueOutput, type CodacyIssue } from '../shapes/issues';

export const getIssue = defineCodacyTool({
  name: 'get_issue',
  toolset: 'issues',
  title: 'Get an issue',
  description:
    'Reads one open issue Codacy found in a repository by its resultDataId (from search_issues or ' +
    'get_pull_request_issues): file and line, level, category, pattern, tool, message, the offending line, the ' +
    'suggested fix and the commit that introduced it.',
  input: z.object({
    ...repositoryInput,
    resultDataId: z.number().int().min(1).describe('The resultDataId of the issue (a number), from search_issues.'),
  }),
  output: issueOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) =>
    compactIssue(await ctx.api.get<CodacyIssue>(`analysis/${repositoryPath(input)}/issues/${input.resultDataId}`)),
});
