import { z } from 'zod';
import { defineCodacyTool } from '../context';
import { repositoryInput, repositoryPath } from '../inputs';

export const ignoreIssue = defineCodacyTool({
  name: 'ignore_issue',
  toolset: 'write',
  title: 'Ignore an issue',
  description:
    'Marks one Codacy issue as ignored (or, with ignored false, as not ignored again), with a reason and an optional ' +
    'comment. An ignored issue leaves the repository\'s issue counts, grade and quality gates, so use it only when the ' +
    'user asked to ignore that issue (false positive, accepted use, test or external code). Takes the issueId (a UUID) ' +
    'from search_issues, get_issue or get_pull_request_issues, not the resultDataId. Served only when the server runs ' +
    'with MCP_ALLOW_DESTRUCTIVE=true; sent once, never retried.',
  input: z.object({
    ...repositoryInput,
    issueId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'the issueId of an issue (a UUID such as "9b6f4c62-0d3e-4b7a-9a55-2f1c0e8d7a11")')
      .describe('The issueId (UUID) of the issue, from search_issues.'),
    ignored: z.boolean().default(true).describe('true (default): ignore the issue; false: stop ignoring it.'),
    reason: z
      .enum(['AcceptedUse', 'FalsePositive', 'NotExploitable', 'TestCode', 'ExternalCode'])
      .default('AcceptedUse')
      .describe('Why the issue is ignored (Codacy shows it with the issue).'),
    comment: z.string().min(1).max(1000).optional().describe('A note for the people who review ignored issues.'),
  }),
  output: z.object({ issueId: z.string(), ignored: z.boolean(), reason: z.string().nullable() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    await ctx.api.patch(
      `analysis/${repositoryPath(input)}/issues/${encodeURIComponent(input.issueId)}`,
      input.ignored ? { ignored: true, reason: input.reason, comment: input.comment } : { ignored: false },
    );
    return { issueId: input.issueId, ignored: input.ignored, reason: input.ignored ? input.reason : null };
  },
});
