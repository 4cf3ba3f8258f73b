import { capText, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, pullNumber, repo } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { COMMENT_MAX_CHARS, login, pageOutput } from '../shapes';

export const listPullRequestReviews = defineGithubTool({
  name: 'list_pull_request_reviews',
  toolset: 'pull_requests',
  title: 'List a pull request\'s reviews',
  description:
    'Lists the reviews of a pull request, oldest first: reviewer, state (APPROVED, CHANGES_REQUESTED, COMMENTED, ' +
    `DISMISSED, PENDING), the review's summary body (cut at ${COMMENT_MAX_CHARS} characters), the commit reviewed ` +
    'and when. get_pull_request already has each reviewer\'s current state; use this for what reviewers wrote, and ' +
    'list_pull_request_review_comments for their comments on lines. Up to 100 per page, with nextCursor.',
  input: z.object({ owner, repo, pullNumber, ...pageInput() }),
  output: pageOutput(
    z.object({
      id: z.number(),
      reviewer: z.string().nullable(),
      state: z.string(),
      body: z.string().nullable(),
      commitId: z.string().nullable().describe('The head commit the review was made on.'),
      submittedAt: z.string().nullable().describe('null for a pending (unsubmitted) review.'),
      htmlUrl: z.string(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.pulls.listReviews({
      owner: input.owner,
      repo: input.repo,
      pull_number: input.pullNumber,
      ...page,
      request: { signal: ctx.signal },
    });
    return {
      items: response.data.map((review) => ({
        id: review.id,
        reviewer: login(review.user),
        state: review.state,
        // GitHub sends "" for a review without a summary.
        body: capText(review.body || null, COMMENT_MAX_CHARS),
        commitId: review.commit_id ?? null,
        submittedAt: review.submitted_at ?? null,
        htmlUrl: review.html_url,
      })),
      nextCursor: nextCursor(page, response),
    };
  },
});
