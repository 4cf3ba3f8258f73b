import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo } from '../inputs';
import { compactIssue, issueOutput } from '../shapes';

export const createIssue = defineGithubTool({
  name: 'create_issue',
  toolset: 'issues',
  title: 'Create an issue',
  description:
    'Opens a new issue in a repository, optionally with labels, assignees and a milestone. Use it only when ' +
    'the user asked for an issue to be filed; each call creates a new issue (not idempotent). Returns the ' +
    'created issue (number, title, state, labels, assignees, htmlUrl). Labels, assignees and milestone need ' +
    'push access (GitHub silently drops them otherwise); an unknown assignee or milestone is a validation error.',
  input: z.object({
    owner,
    repo,
    title: z.string().min(1).max(256).describe('Issue title.'),
    body: z.string().max(65_536).optional().describe('Issue body in GitHub Markdown.'),
    labels: z.array(z.string().min(1).max(100)).max(20).optional().describe('Label names to set.'),
    assignees: z.array(z.string().min(1).max(100)).max(10).optional().describe('Logins to assign (at most 10).'),
    milestone: z.number().int().positive().optional().describe('Milestone number (not its title).'),
  }),
  output: issueOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const { data } = await ctx.octokit.rest.issues.create({
      owner: input.owner,
      repo: input.repo,
      title: input.title,
      body: input.body,
      labels: input.labels,
      assignees: input.assignees,
      milestone: input.milestone,
      request: { signal: ctx.signal },
    });
    return compactIssue(data);
  },
});
