import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { issueNumber, owner, repo } from '../inputs';
import { commentOutput, compactComment, compactIssue, issueOutput } from '../shapes';

const BODY_MAX_CHARS = 20_000;

export const getIssue = defineGithubTool({
  name: 'get_issue',
  toolset: 'issues',
  title: 'Get an issue with its comments',
  description:
    'Reads one issue (or the issue view of a pull request): title, state, author, labels, assignees, ' +
    'milestone, body, and its first comments in order. Use it after list_issues or when given an issue ' +
    `number. The body is cut at ${BODY_MAX_CHARS} characters and each comment at 4000, with a marker; at most ` +
    'commentLimit comments (default 20, max 100) are returned and moreComments says how many were left out.',
  input: z.object({
    owner,
    repo,
    issueNumber,
    commentLimit: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(20)
      .describe('How many comments to include, oldest first (0-100, default 20).'),
  }),
  output: issueOutput.extend({
    body: z.string().nullable(),
    comments: z.array(commentOutput),
    moreComments: z.number().describe('Comments left out after the ones returned.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const target = { owner: input.owner, repo: input.repo, issue_number: input.issueNumber };
    // Both requests at once: the comments do not depend on the issue's answer, and one round trip
    // less per call beats skipping the comments request for an issue that has none.
    const commentsRequest =
      input.commentLimit > 0
        ? ctx.octokit.rest.issues.listComments({ ...target, per_page: input.commentLimit, request: { signal: ctx.signal } })
        : undefined;
    // Settled below, after the issue: a failing issue (e.g. 404) is the error the call reports.
    commentsRequest?.catch(() => undefined);
    const { data: issue } = await ctx.octokit.rest.issues.get({ ...target, request: { signal: ctx.signal } });
    const comments = commentsRequest ? (await commentsRequest).data : [];
    return {
      ...compactIssue(issue),
      body: capText(issue.body, BODY_MAX_CHARS),
      comments: comments.map(compactComment),
      moreComments: Math.max(0, issue.comments - comments.length),
    };
  },
});
