import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, pullNumber, repo } from '../inputs';
import { compactPullRequest, pullRequestOutput } from '../shapes';

const BODY_MAX_CHARS = 20_000;
const MAX_FILES = 100;

export const getPullRequest = defineGithubTool({
  name: 'get_pull_request',
  toolset: 'pull_requests',
  title: 'Get a pull request',
  description:
    'Reads one pull request: details and body, mergeability, size, requested reviewers, a review summary ' +
    '(each reviewer\'s current state: APPROVED, CHANGES_REQUESTED, DISMISSED or COMMENTED) and the changed files ' +
    `(path, status, additions, deletions; at most ${MAX_FILES}, moreFiles counts the rest; no patches). Use it ` +
    'to review or report on a pull request. mergeable is null while GitHub is still computing it; ask again ' +
    `shortly. The body is cut at ${BODY_MAX_CHARS} characters with a marker.`,
  input: z.object({ owner, repo, pullNumber }),
  output: pullRequestOutput.extend({
    body: z.string().nullable(),
    headSha: z.string().describe('Commit the head branch points at; merge_pull_request takes it as expectedHeadSha.'),
    merged: z.boolean(),
    mergeable: z.boolean().nullable().describe('null while GitHub is still computing it.'),
    mergeableState: z.string().describe('e.g. clean, blocked, behind, dirty (conflicts), unstable (failing checks), unknown.'),
    commits: z.number(),
    additions: z.number(),
    deletions: z.number(),
    changedFiles: z.number(),
    requestedReviewers: z.array(z.string()).describe('Logins, and teams as "team:<slug>".'),
    reviews: z.object({
      approvals: z.number(),
      changesRequested: z.number(),
      byReviewer: z.array(z.object({ reviewer: z.string(), state: z.string(), submittedAt: z.string().nullable() })),
    }),
    files: z.array(z.object({ path: z.string(), status: z.string(), additions: z.number(), deletions: z.number() })),
    moreFiles: z.number(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const target = { owner: input.owner, repo: input.repo, pull_number: input.pullNumber };
    const request = { signal: ctx.signal };
    const [{ data: pr }, { data: files }, { data: reviews }] = await Promise.all([
      ctx.octokit.rest.pulls.get({ ...target, request }),
      ctx.octokit.rest.pulls.listFiles({ ...target, per_page: MAX_FILES, request }),
      // One page of 100 reviews covers practically every pull request.
      ctx.octokit.rest.pulls.listReviews({ ...target, per_page: 100, request }),
    ]);
    return {
      ...compactPullRequest(pr),
      body: capText(pr.body, BODY_MAX_CHARS),
      headSha: pr.head.sha,
      merged: pr.merged,
      mergeable: pr.mergeable,
      mergeableState: pr.mergeable_state,
      commits: pr.commits,
      additions: pr.additions,
      deletions: pr.deletions,
      changedFiles: pr.changed_files,
      requestedReviewers: [
        ...(pr.requested_reviewers ?? []).map((user) => user.login),
        ...(pr.requested_teams ?? []).map((team) => `team:${team.slug}`),
      ],
      reviews: summarizeReviews(reviews),
      files: files.map((file) => ({
        path: file.filename,
        status: file.status,
        additions: file.additions,
        deletions: file.deletions,
      })),
      moreFiles: Math.max(0, pr.changed_files - files.length),
    };
  },
});

type Review = { user: { login: string } | null; state: string; submitted_at?: string };

/**
 * Each reviewer's current state, from reviews in the order GitHub lists them (oldest first).
 * As on GitHub, a later plain comment does not undo an approval or a change request, and
 * pending (unsubmitted) reviews do not count.
 */
function summarizeReviews(reviews: readonly Review[]) {
  const latest = new Map<string, { reviewer: string; state: string; submittedAt: string | null }>();
  for (const review of reviews) {
    const reviewer = review.user?.login;
    if (!reviewer || review.state === 'PENDING') continue;
    if (review.state === 'COMMENTED' && latest.has(reviewer) && latest.get(reviewer)?.state !== 'COMMENTED') continue;
    latest.set(reviewer, { reviewer, state: review.state, submittedAt: review.submitted_at ?? null });
  }
  const byReviewer = [...latest.values()];
  return {
    approvals: byReviewer.filter((entry) => entry.state === 'APPROVED').length,
    changesRequested: byReviewer.filter((entry) => entry.state === 'CHANGES_REQUESTED').length,
    byReviewer,
  };
}
