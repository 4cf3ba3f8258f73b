import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo } from '../inputs';
import { PatchBudget } from '../patch';
import { changedFileOutput } from '../shapes';

const MAX_FILES = 100;
const MESSAGE_MAX_CHARS = 10_000;
const PATCH_MAX_CHARS = 5_000;
const PATCHES_MAX_CHARS = 100_000;

export const getCommit = defineGithubTool({
  name: 'get_commit',
  toolset: 'repos',
  title: 'Get a commit',
  description:
    'Reads one commit: full message, author and committer, parents, stats (additions, deletions) and the changed ' +
    `files (path, status, additions, deletions; at most ${MAX_FILES}, moreFiles says when there are more). With ` +
    `includePatches, each file also carries its diff, cut at ${PATCH_MAX_CHARS} characters (${PATCHES_MAX_CHARS} in ` +
    'all). Use it after list_commits, or to see what a SHA, branch or tag points at.',
  input: z.object({
    owner,
    repo,
    ref: z.string().min(1).max(255).describe('Commit SHA (full or short), branch or tag.'),
    includePatches: z.boolean().default(false).describe('Include each file\'s diff (default false).'),
  }),
  output: z.object({
    sha: z.string(),
    message: z.string(),
    author: z.string().nullable().describe('GitHub login, or the git author name when not linked to an account.'),
    authorDate: z.string().nullable(),
    committer: z.string().nullable(),
    committerDate: z.string().nullable(),
    parents: z.array(z.string()).describe('Parent SHAs; two or more for a merge commit.'),
    stats: z.object({ additions: z.number(), deletions: z.number(), total: z.number() }),
    files: z.array(changedFileOutput),
    moreFiles: z.boolean(),
    htmlUrl: z.string(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const response = await ctx.octokit.rest.repos.getCommit({
      owner: input.owner,
      repo: input.repo,
      ref: input.ref,
      per_page: MAX_FILES,
      page: 1,
      request: { signal: ctx.signal },
    });
    const commit = response.data;
    const budget = new PatchBudget(PATCHES_MAX_CHARS, PATCH_MAX_CHARS);
    return {
      sha: commit.sha,
      message: capText(commit.commit.message, MESSAGE_MAX_CHARS),
      author: commit.author?.login ?? commit.commit.author?.name ?? null,
      authorDate: commit.commit.author?.date ?? null,
      committer: commit.committer?.login ?? commit.commit.committer?.name ?? null,
      committerDate: commit.commit.committer?.date ?? null,
      parents: commit.parents.map((parent) => parent.sha),
      stats: {
        additions: commit.stats?.additions ?? 0,
        deletions: commit.stats?.deletions ?? 0,
        total: commit.stats?.total ?? 0,
      },
      files: (commit.files ?? []).map((file) => ({
        path: file.filename,
        status: file.status,
        additions: file.additions,
        deletions: file.deletions,
        previousPath: file.previous_filename ?? null,
        ...(input.includePatches ? budget.take(file.patch) : {}),
      })),
      moreFiles: /rel="next"/.test(response.headers.link ?? ''),
      htmlUrl: commit.html_url,
    };
  },
});
