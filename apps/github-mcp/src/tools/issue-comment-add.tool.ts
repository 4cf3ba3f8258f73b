import { z } from 'zod';
import { defineGithubTool } from '../context';
import { issueNumber, owner, repo } from '../inputs';

export const addIssueComment = defineGithubTool({
  name: 'add_issue_comment',
  toolset: 'issues',
  title: 'Comment on an issue or pull request',
  description:
    'Adds a comment to an issue or to a pull request conversation (pull requests share issue numbers). Use it ' +
    'only when the user asked to comment; each call posts a new comment (not idempotent). Returns the comment ' +
    'id, author, creation time and htmlUrl.',
  input: z.object({
    owner,
    repo,
    issueNumber,
    body: z.string().min(1).max(65_536).describe('Comment text in GitHub Markdown.'),
  }),
  output: z.object({ id: z.number(), author: z.string().nullable(), createdAt: z.string(), htmlUrl: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const { data } = await ctx.octokit.rest.issues.createComment({
      owner: input.owner,
      repo: input.repo,
      issue_number: input.issueNumber,
      body: input.body,
      request: { signal: ctx.signal },
    });
    return { id: data.id, author: data.user?.login ?? null, createdAt: data.created_at, htmlUrl: data.html_url };
  },
});
