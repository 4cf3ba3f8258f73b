import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo } from '../inputs';
import { nextCursor, pageRequest } from '../paging';
import { searchPageOutput } from '../shapes';

const RUN_STATES = [
  'completed', 'action_required', 'cancelled', 'failure', 'neutral', 'skipped', 'stale', 'success', 'timed_out',
  'in_progress', 'queued', 'requested', 'waiting', 'pending',
] as const;

export const listWorkflowRuns = defineGithubTool({
  name: 'list_workflow_runs',
  toolset: 'actions',
  title: 'List GitHub Actions workflow runs',
  description:
    'Lists GitHub Actions workflow runs of a repository, newest first, optionally of one workflow (its file name, ' +
    'e.g. "ci.yml", or id) and filtered by branch, event, status or conclusion (e.g. failure), actor, head commit ' +
    'or creation date. Use it to find a failing run, then get_job_logs with its runId for the failing steps. ' +
    'Returns totalCount and a page of runs (id, workflow name, title, status, conclusion, branch, head sha, event, ' +
    'actor, attempt, times) plus nextCursor; up to 100 per page.',
  input: z.object({
    owner,
    repo,
    workflow: z
      .union([z.number().int().positive(), z.string().regex(/^[A-Za-z0-9._-]{1,200}\.ya?ml$/, 'a workflow file name, e.g. "ci.yml"')])
      .optional()
      .describe('Only runs of this workflow: its file name under .github/workflows (e.g. "ci.yml") or its id.'),
    branch: z.string().min(1).max(255).optional().describe('Only runs for this branch.'),
    event: z.string().min(1).max(100).optional().describe('Only runs triggered by this event, e.g. push, pull_request, schedule.'),
    status: z.enum(RUN_STATES).optional().describe('Only runs in this status or with this conclusion, e.g. failure, in_progress.'),
    actor: z.string().min(1).max(100).optional().describe('Only runs started by this login.'),
    headSha: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-character commit SHA').optional().describe('Only runs of this commit.'),
    created: z
      .string()
      .regex(/^[<>]?=?\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/, 'a date or range like ">=2026-01-01" or "2026-01-01..2026-01-31"')
      .optional()
      .describe('Creation date filter in search syntax, e.g. ">=2026-01-01" or "2026-01-01..2026-01-31".'),
    ...pageInput(),
  }),
  output: searchPageOutput(
    z.object({
      id: z.number().describe('The runId get_job_logs takes.'),
      workflow: z.string().nullable().describe('Workflow name.'),
      workflowId: z.number(),
      title: z.string().nullable().describe('The run\'s display title (commit message or pull request title).'),
      runNumber: z.number(),
      attempt: z.number().nullable(),
      event: z.string(),
      status: z.string().nullable(),
      conclusion: z.string().nullable(),
      branch: z.string().nullable(),
      headSha: z.string(),
      actor: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      htmlUrl: z.string(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const filters = {
      owner: input.owner,
      repo: input.repo,
      branch: input.branch,
      event: input.event,
      status: input.status,
      actor: input.actor,
      head_sha: input.headSha,
      created: input.created,
      ...page,
      request: { signal: ctx.signal },
    };
    const response =
      input.workflow === undefined
        ? await ctx.octokit.rest.actions.listWorkflowRunsForRepo(filters)
        : await ctx.octokit.rest.actions.listWorkflowRuns({ ...filters, workflow_id: input.workflow });
    return {
      totalCount: response.data.total_count,
      items: response.data.workflow_runs.map((run) => ({
        id: run.id,
        workflow: run.name ?? null,
        workflowId: run.workflow_id,
        title: run.display_title ?? null,
        runNumber: run.run_number,
        attempt: run.run_attempt ?? null,
        event: run.event,
        status: run.status,
        conclusion: run.conclusion,
        branch: run.head_branch,
        headSha: run.head_sha,
        actor: run.actor?.login ?? null,
        createdAt: run.created_at,
        updatedAt: run.updated_at,
        htmlUrl: run.html_url,
      })),
      nextCursor: nextCursor(page, response),
    };
  },
});
