import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool, type LinearContext } from '../context';
import { issueRef, priority, uuid } from '../inputs';
import { ISSUE_FIELDS, compactIssue, issueOutput, type IssueNode } from '../shapes';

const CREATE_ISSUE = `
mutation CreateIssue($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { ${ISSUE_FIELDS} } }
}`;

const UPDATE_ISSUE = `
mutation UpdateIssue($id: String!, $input: IssueUpdateInput!) {
  issueUpdate(id: $id, input: $input) { success issue { ${ISSUE_FIELDS} } }
}`;

const VIEWER_ID = 'query ViewerId { viewer { id } }';

type IssuePayload = { success: boolean; issue?: IssueNode | null };

export const saveIssue = defineLinearTool({
  name: 'save_issue',
  toolset: 'issues',
  title: 'Create or update an issue',
  description:
    'Creates an issue (no id: teamId and title required) or updates the issue named by id (only the fields ' +
    'given change; null clears assignee, project, cycle, due date or estimate). Use it only when the user asked for ' +
    'the change; a create is not idempotent. Ids come from list_teams (teamId), list_issue_statuses (stateId), ' +
    'list_projects (projectId), list_users (assigneeId, or "me"), list_issue_labels (labelIds, which replace all ' +
    'labels), list_cycles (cycleId); link issues with relate_issues. Returns the issue as ' +
    'list_issues shows it, plus action "created" or "updated".',
  input: z.object({
    id: issueRef.optional().describe('Issue to update ("ENG-123" or UUID); omit to create a new issue.'),
    teamId: uuid('Team id (from list_teams); required to create, moves the issue on update.').optional(),
    title: z.string().trim().min(1).max(500).optional().describe('Issue title; required to create.'),
    description: z.string().max(100_000).optional().describe('Description in Markdown (replaces the current one).'),
    stateId: uuid('Workflow state id (from list_issue_statuses).').optional(),
    assigneeId: z
      .union([z.literal('me'), uuid('User id'), z.null()])
      .optional()
      .describe('Assignee: a user id, "me" for the key\'s owner, or null to unassign.'),
    priority: priority.optional(),
    labelIds: z.array(uuid('Label id')).max(20).optional().describe('Label ids; replaces every label on the issue.'),
    projectId: z.union([uuid('Project id (from list_projects).'), z.null()]).optional().describe('Project id, or null to remove it from its project.'),
    dueDate: z
      .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-08-31'), z.null()])
      .optional()
      .describe('Due date (YYYY-MM-DD), or null to clear it.'),
    estimate: z.union([z.number().int().min(0).max(100), z.null()]).optional().describe('Estimate in points, or null to clear it.'),
    cycleId: z.union([uuid('Cycle id (from list_cycles).'), z.null()]).optional().describe('Cycle id (from list_cycles), or null to take the issue out of its cycle.'),
    parentId: issueRef.optional().describe('Parent issue ("ENG-123" or UUID), to make this a sub-issue.'),
  }),
  output: issueOutput.extend({ action: z.enum(['created', 'updated']) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async ({ id, ...fields }, ctx) => {
    const input = { ...fields, assigneeId: await resolveAssignee(fields.assigneeId, ctx) };
    if (id === undefined) {
      if (!fields.teamId || !fields.title) {
        throw ToolError.invalidInput('creating an issue needs teamId and title (or pass id to update an issue)');
      }
      const { issueCreate } = await ctx.linear.mutate<{ issueCreate: IssuePayload }>(CREATE_ISSUE, { input });
      return { action: 'created', ...compactIssue(savedIssue(issueCreate)) };
    }
    if (Object.values(fields).every((value) => value === undefined)) {
      throw ToolError.invalidInput('nothing to update: pass at least one field besides id');
    }
    const { issueUpdate } = await ctx.linear.mutate<{ issueUpdate: IssuePayload }>(UPDATE_ISSUE, { id, input });
    return { action: 'updated', ...compactIssue(savedIssue(issueUpdate)) };
  },
});

/** "me" becomes the viewer's id; Linear's inputs take only ids. */
async function resolveAssignee(assigneeId: string | null | undefined, ctx: LinearContext & { signal: AbortSignal }) {
  if (assigneeId !== 'me') return assigneeId;
  const { viewer } = await ctx.linear.query<{ viewer: { id: string } }>(VIEWER_ID, {});
  return viewer.id;
}

function savedIssue(payload: IssuePayload): IssueNode {
  if (!payload.success || !payload.issue) throw new ToolError('upstream_error', 'Linear did not save the issue (success: false).');
  return payload.issue;
}
