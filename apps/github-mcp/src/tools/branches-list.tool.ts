import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { pageOutput } from '../shapes';

export const listBranches = defineGithubTool({
  name: 'list_branches',
  toolset: 'repos',
  title: 'List branches',
  description:
    'Lists branches of a repository in name order, optionally only protected ones. Use it to find a branch ' +
    'name for list_commits, get_file_contents or create_pull_request. Returns a page of branches (name, head ' +
    'commit sha, protected) plus nextCursor; up to 100 per page.',
  input: z.object({
    owner,
    repo,
    protected: z.boolean().optional().describe('true: only protected branches; false: only unprotected; omit for all.'),
    ...pageInput(),
  }),
  output: pageOutput(z.object({ name: z.string(), sha: z.string().describe('Head commit.'), protected: z.boolean() })),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.repos.listBranches({
      owner: input.owner,
      repo: input.repo,
      protected: input.protected,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      items: response.data.map((branch) => ({ name: branch.name, sha: branch.commit.sha, protected: branch.protected })),
      nextCursor: nextCursor(page, response),
    };
  },
});
