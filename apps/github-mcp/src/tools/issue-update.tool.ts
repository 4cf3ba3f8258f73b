import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { issueNumber, owner, repo } from '../inputs';
import { compactIssue, issueOutput } from '../shapes';

export const updateIssue = defineGithubTool({
  name: 'update_issue',
  toolset: 'issues',
  title: 'Update an issue',
  description:
    'Changes an issue (or the issue fields of a pull request): title, body, state with its reason (close as ' +
    'completed, not_planned or duplicate; reopen), labels, assignees, milestone. Only the fields given change; ' +
    'labels and assignees REPLACE the current ones (pass [] to clear, read them first with get_issue to add one), ' +
    'milestone null removes it. Use it only when the user asked for the change. Returns the updated issue. ' +
    'Labels, assignees and milestone need push access (GitHub silently keeps them otherwise).',
  input: z.object({
    owner,
    repo,
    issueNumber,
    title: z.string().min(1).max(256).optional().describe('New title.'),
    body: z.string().max(65_536).optional().describe('New body in GitHub Markdown (replaces the whole body).'),
    state: z.enum(['open', 'closed']).optional().describe('closed to close, open to reopen.'),
    stateReason: z
      .enum(['completed', 'not_planned', 'duplicate', 'reopened'])
      .optional()
      .describe('Why it is closed (completed, not_planned, duplicate) or reopened; goes with state.'),
    labels: z.array(z.string().min(1).max(100)).max(100).optional().describe('Label names; replaces all current labels.'),
    assignees: z.array(z.string().min(1).max(100)).max(10).optional().describe('Logins; replaces all current assignees.'),
    milestone: z.number().int().positive().nullable().optional().describe('Milestone number (not its title); null removes it.'),
  }),
  output: issueOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { owner, repo, issueNumber, stateReason, ...fields } = input;
    if (Object.values(fields).every((value) => value === undefined) && stateReason === undefined) {
      throw ToolError.invalidInput('nothing to update: give at least one of title, body, state, labels, assignees, milestone.');
    }
    if (stateReason === 'reopened' ? fields.state === 'closed' : stateReason !== undefined && fields.state === 'open') {
      throw ToolError.invalidInput(`stateReason "${stateReason}" does not go with state "${fields.state}".`);
    }
    const { data } = await ctx.octokit.rest.issues.update({
      owner,
      repo,
      issue_number: issueNumber,
      ...fields,
      state_reason: stateReason,
      request: { signal: ctx.signal },
    });
    return compactIssue(data);
  },
});
