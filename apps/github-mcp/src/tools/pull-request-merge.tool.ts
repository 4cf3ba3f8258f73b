import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, pullNumber, repo } from '../inputs';

export const mergePullRequest = defineGithubTool({
  name: 'merge_pull_request',
  toolset: 'pull_requests',
  title: 'Merge a pull request',
  description:
    'Merges a pull request into its base branch with a merge commit, a squash or a rebase. Use it only when the ' +
    'user asked for the merge. It cannot be undone, so it needs expectedHeadSha, the headSha from ' +
    'get_pull_request: GitHub refuses the merge (conflict) when the branch has moved since, so only what was ' +
    'reviewed is merged. A pull request that is not mergeable (conflicts, failing required checks, missing ' +
    'approvals, a merge method the repository does not allow) is a conflict error naming GitHub\'s reason. ' +
    'Sent once, never retried. Served only with MCP_ALLOW_DESTRUCTIVE=true. Returns the merge commit sha.',
  input: z.object({
    owner,
    repo,
    pullNumber,
    expectedHeadSha: z
      .string()
      .regex(/^[0-9a-f]{40}$/, 'a full 40-character commit SHA')
      .describe('The head commit the merge must be of: headSha from get_pull_request.'),
    mergeMethod: z.enum(['merge', 'squash', 'rebase']).default('merge').describe('merge (default), squash or rebase.'),
    commitTitle: z.string().min(1).max(256).optional().describe('Title of the merge or squash commit; GitHub\'s default when omitted.'),
    commitMessage: z.string().max(65_536).optional().describe('Message body of the merge or squash commit.'),
  }),
  output: z.object({ merged: z.boolean(), sha: z.string().describe('The merge commit.'), message: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    const { data } = await ctx.octokit.rest.pulls.merge({
      owner: input.owner,
      repo: input.repo,
      pull_number: input.pullNumber,
      sha: input.expectedHeadSha,
      merge_method: input.mergeMethod,
      commit_title: input.commitTitle,
      commit_message: input.commitMessage,
      request: { signal: ctx.signal },
    });
    return { merged: data.merged, sha: data.sha, message: data.message };
  },
});
