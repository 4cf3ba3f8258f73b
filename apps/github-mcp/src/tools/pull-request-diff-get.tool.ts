import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, pullNumber, repo } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { PatchBudget } from '../patch';
import { changedFileOutput, pageOutput } from '../shapes';

/** One file's patch beyond this is cut; the page as a whole stays under the result-size cap. */
const PATCH_MAX_CHARS = 20_000;
const PAGE_MAX_CHARS = 120_000;

export const getPullRequestDiff = defineGithubTool({
  name: 'get_pull_request_diff',
  toolset: 'pull_requests',
  title: 'Get a pull request\'s diff',
  description:
    'Reads the changes of a pull request file by file: path, status, additions, deletions, previous path of a ' +
    `rename, and the unified diff patch. Paged by file (default 20, up to 100 per page) with nextCursor; a patch is ` +
    `cut at ${PATCH_MAX_CHARS} characters, and once a page holds ${PAGE_MAX_CHARS} characters of patches the rest ` +
    'of its files come without patch (ask again with a smaller limit). patch is null for binary files and for ' +
    'diffs too large for GitHub to show. GitHub lists at most 3000 files. Use get_pull_request for the overview first.',
  input: z.object({ owner, repo, pullNumber, ...pageInput({ defaultLimit: 20 }) }),
  output: pageOutput(changedFileOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.pulls.listFiles({
      owner: input.owner,
      repo: input.repo,
      pull_number: input.pullNumber,
      ...page,
      request: { signal: ctx.signal },
    });
    const budget = new PatchBudget(PAGE_MAX_CHARS, PATCH_MAX_CHARS);
    const items = response.data.map((file) => ({
      path: file.filename,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      previousPath: file.previous_filename ?? null,
      ...budget.take(file.patch),
    }));
    return { items, nextCursor: nextCursor(page, response) };
  },
});
