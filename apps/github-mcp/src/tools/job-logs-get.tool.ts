import { ToolError, type ToolContext } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool, type GithubContext } from '../context';
import { owner, repo } from '../inputs';
import { failedStep, logTail, type JobStep } from '../job-log';

/** Failed jobs of a run whose logs are read; the rest are counted. */
const MAX_JOBS = 3;
const LOG_MAX_CHARS = 30_000;
const FAILED_JOB = new Set(['failure', 'timed_out']);

export const getJobLogs = defineGithubTool({
  name: 'get_job_logs',
  toolset: 'actions',
  title: 'Get the failing step\'s log of GitHub Actions jobs',
  description:
    'Reads the end of a GitHub Actions job log, where a failure is explained: for a failed job, the last lines of ' +
    'its failing step; otherwise the end of the whole log. Give jobId (a check run id from get_pull_request_checks ' +
    `is one) for one job, or runId (from list_workflow_runs) for the failed jobs of that run (at most ${MAX_JOBS}; ` +
    `moreFailedJobs counts the rest). Each log keeps its last tailLines lines (default 150) and ${LOG_MAX_CHARS} ` +
    'characters, timestamps removed. Logs are kept as long as the repository\'s retention setting (90 days by default).',
  input: z.object({
    owner,
    repo,
    jobId: z.number().int().positive().optional().describe('One job: its id (a GitHub Actions check run id).'),
    runId: z.number().int().positive().optional().describe('A workflow run: the logs of its failed jobs.'),
    tailLines: z.number().int().min(1).max(1000).default(150).describe('Lines to keep from the end (1-1000, default 150).'),
  }),
  output: z.object({
    jobs: z.array(
      z.object({
        jobId: z.number(),
        name: z.string(),
        status: z.string(),
        conclusion: z.string().nullable(),
        failedStep: z.object({ number: z.number(), name: z.string() }).nullable().describe('null: the tail is of the whole log.'),
        log: z.string(),
        logLines: z.number().describe('Lines in the failing step (or the whole log) the tail is from.'),
        truncated: z.boolean(),
        htmlUrl: z.string().nullable(),
      }),
    ),
    moreFailedJobs: z.number(),
    note: z.string().nullable().describe('Why no log is shown, e.g. a run without failed jobs.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const repository = { owner: input.owner, repo: input.repo };
    const request = { signal: ctx.signal };
    if ((input.jobId === undefined) === (input.runId === undefined)) {
      throw ToolError.invalidInput('give exactly one of jobId (one job) or runId (the failed jobs of a run).');
    }
    if (input.jobId !== undefined) {
      const { data: job } = await ctx.octokit.rest.actions.getJobForWorkflowRun({ ...repository, job_id: input.jobId, request });
      return { jobs: [await jobWithLog(job, input, ctx)], moreFailedJobs: 0, note: null };
    }
    const { data } = await ctx.octokit.rest.actions.listJobsForWorkflowRun({
      ...repository,
      run_id: input.runId as number,
      filter: 'latest',
      per_page: 100,
      request,
    });
    const failed = data.jobs.filter((job) => FAILED_JOB.has(job.conclusion ?? ''));
    if (failed.length === 0) {
      const states = [...new Set(data.jobs.map((job) => job.conclusion ?? job.status))].join(', ') || 'no jobs';
      return { jobs: [], moreFailedJobs: 0, note: `no failed job in run ${input.runId} (its jobs: ${states}); pass a jobId to read any job's log.` };
    }
    const jobs = await Promise.all(failed.slice(0, MAX_JOBS).map((job) => jobWithLog(job, input, ctx)));
    return { jobs, moreFailedJobs: failed.length - jobs.length, note: null };
  },
});

interface Job {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
  steps?: JobStep[];
}

async function jobWithLog(job: Job, input: { owner: string; repo: string; tailLines: number }, ctx: ToolContext<GithubContext>) {
  const step = failedStep(job.steps);
  const tail = logTail(await readLog(job.id, input, ctx), step, input.tailLines, LOG_MAX_CHARS);
  return {
    jobId: job.id,
    name: job.name,
    status: job.status,
    conclusion: job.conclusion,
    failedStep: step ? { number: step.number, name: step.name } : null,
    log: tail.text,
    logLines: tail.lines,
    truncated: tail.truncated,
    htmlUrl: job.html_url,
  };
}

/**
 * GitHub answers the logs endpoint with a 302 to a short-lived download URL. The redirect is taken
 * here rather than by fetch, so the token (sent to the API) never travels to the storage host.
 */
async function readLog(jobId: number, input: { owner: string; repo: string }, ctx: ToolContext<GithubContext>): Promise<string> {
  const response = await ctx.octokit.rest.actions.downloadJobLogsForWorkflowRun({
    owner: input.owner,
    repo: input.repo,
    job_id: jobId,
    request: { signal: ctx.signal, redirect: 'manual' },
  });
  const location = response.headers.location;
  if (!location) {
    throw new ToolError('upstream_error', `GitHub answered the logs of job ${jobId} with HTTP ${response.status} and no download link.`);
  }
  return ctx.download(new URL(location, response.url || undefined).toString(), ctx.signal);
}
