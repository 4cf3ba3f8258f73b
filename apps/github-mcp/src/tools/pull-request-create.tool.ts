import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo } from '../inputs';
import { compactPullRequest, pullRequestOutput } from '../shapes';

export const createPullRequest = defineGithubTool({
  name: 'create_pull_request',
  toolset: 'pull_requests',
  title: 'Create a pull request',
  description:
    'Opens a pull request from a head branch into a base branch, optionally as a draft. Use it only when the ' +
    'user asked for a pull request and the head branch is already pushed; each call tries to open a new one ' +
    '(not idempotent; GitHub refuses a second open pull request for the same head and base). Returns the ' +
    'created pull request (number, title, state, draft, head, base, htmlUrl).',
  input: z.object({
    owner,
    repo,
    title: z.string().min(1).max(256).describe('Pull request title.'),
    head: z
      .string()
      .min(1)
      .max(255)
      .describe('Branch with the changes; "user-or-org:branch" when it lives in a fork, e.g. "octocat:fix-typo".'),
    base: z.string().min(1).max(255).describe('Branch to merge into, e.g. "main".'),
    body: z.string().max(65_536).optional().describe('Description in GitHub Markdown.'),
    draft: z.boolean().default(false).describe('Open as a draft (default false).'),
  }),
  output: pullRequestOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const { data } = await ctx.octokit.rest.pulls.create({
      owner: input.owner,
      repo: input.repo,
      title: input.title,
      head: input.head,
      base: input.base,
      body: input.body,
      draft: input.draft,
      request: { signal: ctx.signal },
    });
    return compactPullRequest(data);
  },
});
