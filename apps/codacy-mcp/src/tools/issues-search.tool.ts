import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { repositoryInput, repositoryPath } from '../inputs';
import { pageOutput } from '../shapes/common';
import { compactIssue, issueOutput, type CodacyIssue } from '../shapes/issues';

const list = (what: string) => z.array(z.string().min(1).max(200)).min(1).max(50).optional().describe(what);

export const searchIssues = defineCodacyTool({
  name: 'search_issues',
  toolset: 'issues',
  title: 'Search a repository\'s issues',
  description:
    'Finds the current code quality issues Codacy reports in a repository (main branch unless branch is given), ' +
    'filtered by severity levels, categories, languages, commit authors and pattern ids. Each issue has its file and ' +
    'line, level, category, pattern, tool, message, the offending line, a suggested fix when the tool gives one, and ' +
    'the ids get_issue (resultDataId) and ignore_issue (issueId) take. For security findings across SAST, secrets, ' +
    'dependencies and IaC use search_security_items. Up to 100 per page, with nextCursor.',
  input: z.object({
    ...repositoryInput,
    branch: z.string().min(1).max(250).optional().describe('Branch enabled on Codacy; omit for the main branch.'),
    levels: z
      .array(z.enum(['Error', 'High', 'Warning', 'Info']))
      .min(1)
      .optional()
      .describe('Severity levels: Error (critical), High, Warning (medium), Info (minor).'),
    categories: list(
      'Categories, e.g. Security, ErrorProne, Performance, CodeStyle, Compatibility, UnusedCode, Complexity, Documentation, BestPractice, Comprehensibility.',
    ),
    languages: list('Language names without spaces, e.g. TypeScript, Python, CSharp.'),
    authorEmails: list('Only issues introduced by commits of these author emails.'),
    patternIds: list('Only issues of these code patterns (the patternId of an issue).'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(issueOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = await ctx.api.page<CodacyIssue>('post', `analysis/${repositoryPath(input)}/issues/search`, {
      ...input,
      body: {
        branchName: input.branch,
        levels: input.levels,
        categories: input.categories,
        languages: input.languages,
        authorEmails: input.authorEmails,
        patternIds: input.patternIds,
      },
    });
    return { ...page, items: page.items.map(compactIssue) };
  },
});
