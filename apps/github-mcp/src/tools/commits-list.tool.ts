import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo, timestamp } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { pageOutput } from '../shapes';
import { firstLine } from '../text';

export const listCommits = defineGithubTool({
  name: 'list_commits',
  toolset: 'repos',
  title: 'List commits',
  description:
    'Lists commits of a repository, newest first, on a branch (or reachable from a SHA), optionally only those ' +
    'touching a path, by an author, or in a time window. Use it to see recent changes or who changed a file. ' +
    'Returns a page of commits (sha, message title, author, date) plus nextCursor; up to 100 per page.',
  input: z.object({
    owner,
    repo,
    sha: z.string().min(1).max(255).optional().describe('Branch name or commit SHA to start from; the default branch when omitted.'),
    path: z.string().min(1).max(1000).optional().describe('Only commits touching this file or directory path.'),
    author: z.string().min(1).max(100).optional().describe('Only commits by this GitHub login or commit author email.'),
    since: timestamp('Only commits after this time').optional(),
    until: timestamp('Only commits before this time').optional(),
    ...pageInput(),
  }),
  output: pageOutput(
    z.object({
      sha: z.string(),
      message: z.string().describe('First line of the commit message.'),
      author: z.string().nullable().describe('GitHub login, or the git author name when the commit is not linked to an account.'),
      date: z.string().nullable(),
      htmlUrl: z.string(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.repos.listCommits({
      owner: input.owner,
      repo: input.repo,
      sha: input.sha,
      path: input.path,
      author: input.author,
      since: input.since,
      until: input.until,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      items: response.data.map((commit) => ({
        sha: commit.sha,
        message: firstLine(commit.commit.message),
        // The login when GitHub could link the commit to an account; the git author name otherwise.
        author: commit.author?.login ?? commit.commit.author?.name ?? null,
        date: commit.commit.author?.date ?? null,
        htmlUrl: commit.html_url,
      })),
      nextCursor: nextCursor(page, response),
    };
  },
});
