import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, pullNumber, repo } from '../inputs';

/** Check runs read (one page): more than this on one commit is rare; the rest are counted. */
const MAX_CHECK_RUNS = 100;
const FAILED = new Set(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure', 'stale']);

export const getPullRequestChecks = defineGithubTool({
  name: 'get_pull_request_checks',
  toolset: 'pull_requests',
  title: 'Get a pull request\'s checks',
  description:
    'Reads the CI state of a pull request\'s head commit: the check runs (GitHub Actions jobs and other apps; name, ' +
    'status, conclusion, app, times, link) failing ones first, the combined commit status of status-API contexts, ' +
    'and a summary (failing, pending, passing counts; overall failing, pending, passing or none). For a failing ' +
    'GitHub Actions check, pass its id as jobId to get_job_logs for the failing step\'s log. Lists up to ' +
    `${MAX_CHECK_RUNS} check runs (moreCheckRuns counts the rest).`,
  input: z.object({ owner, repo, pullNumber }),
  output: z.object({
    headSha: z.string(),
    overall: z.enum(['failing', 'pending', 'passing', 'none']),
    failing: z.number(),
    pending: z.number(),
    passing: z.number(),
    checkRuns: z.array(
      z.object({
        id: z.number().describe('For GitHub Actions, the job id get_job_logs takes.'),
        name: z.string(),
        app: z.string().nullable().describe('App that ran it, e.g. github-actions.'),
        status: z.string().describe('queued, in_progress, completed, waiting, requested or pending.'),
        conclusion: z.string().nullable().describe('success, failure, neutral, cancelled, skipped, timed_out, action_required, stale; null until completed.'),
        title: z.string().nullable().describe('The check\'s own one-line result.'),
        startedAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        detailsUrl: z.string().nullable(),
      }),
    ),
    moreCheckRuns: z.number(),
    statuses: z.array(
      z.object({ context: z.string(), state: z.string().describe('error, failure, pending or success.'), description: z.string().nullable(), targetUrl: z.string().nullable() }),
    ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const request = { signal: ctx.signal };
    const repository = { owner: input.owner, repo: input.repo };
    const { data: pr } = await ctx.octokit.rest.pulls.get({ ...repository, pull_number: input.pullNumber, request });
    const ref = pr.head.sha;
    const [{ data: checks }, { data: combined }] = await Promise.all([
      ctx.octokit.rest.checks.listForRef({ ...repository, ref, per_page: MAX_CHECK_RUNS, request }),
      ctx.octokit.rest.repos.getCombinedStatusForRef({ ...repository, ref, per_page: 100, request }),
    ]);
    const checkRuns = checks.check_runs
      .map((run) => ({
        id: run.id,
        name: run.name,
        app: run.app?.slug ?? null,
        status: run.status,
        conclusion: run.conclusion,
        title: capText(run.output.title, 300),
        startedAt: run.started_at,
        completedAt: run.completed_at,
        detailsUrl: run.details_url ?? run.html_url ?? null,
      }))
      .sort((a, b) => rank(a) - rank(b));
    const statuses = combined.statuses.map((status) => ({
      context: status.context,
      state: status.state,
      description: status.description,
      targetUrl: status.target_url,
    }));
    const outcomes = [...checkRuns.map(outcomeOfRun), ...statuses.map(outcomeOfStatus)];
    const count = (outcome: Outcome) => outcomes.filter((each) => each === outcome).length;
    const failing = count('failing');
    const pending = count('pending');
    const passing = count('passing');
    return {
      headSha: ref,
      overall: failing > 0 ? 'failing' : pending > 0 ? 'pending' : passing > 0 ? 'passing' : 'none',
      failing,
      pending,
      passing,
      checkRuns,
      moreCheckRuns: Math.max(0, checks.total_count - checkRuns.length),
      statuses,
    };
  },
});

type Outcome = 'failing' | 'pending' | 'passing';

/** Skipped and neutral runs pass: GitHub's merge box counts them as successful. */
function outcomeOfRun(run: { status: string; conclusion: string | null }): Outcome {
  if (run.status !== 'completed') return 'pending';
  return FAILED.has(run.conclusion ?? '') ? 'failing' : 'passing';
}

function outcomeOfStatus(status: { state: string }): Outcome {
  return status.state === 'success' ? 'passing' : status.state === 'pending' ? 'pending' : 'failing';
}

/** Failing first, then pending, then passing. */
const rank = (run: { status: string; conclusion: string | null }) => ['failing', 'pending', 'passing'].indexOf(outcomeOfRun(run));
