import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLinearTool } from '../context';
import { issueRef } from '../inputs';

const CREATE_RELATION = `
mutation CreateIssueRelation($input: IssueRelationCreateInput!) {
  issueRelationCreate(input: $input) {
    success
    issueRelation { id type issue { identifier title } relatedIssue { identifier title } }
  }
}`;

interface RelationPayload {
  success: boolean;
  issueRelation?: {
    id: string;
    type: string;
    issue: { identifier: string; title: string };
    relatedIssue: { identifier: string; title: string };
  } | null;
}

/**
 * Linear stores a relation one way round ("A blocks B", "A duplicates B"); "blocked_by" is the same
 * relation with the issues swapped.
 */
const LINEAR_TYPE = { blocks: 'blocks', blocked_by: 'blocks', related: 'related', duplicate_of: 'duplicate' } as const;

export const relateIssues = defineLinearTool({
  name: 'relate_issues',
  toolset: 'issues',
  title: 'Relate two issues (blocks, blocked by, related, duplicate)',
  description:
    'Records how two issues relate: issueId blocks relatedIssueId, is blocked_by it, is related to it, or is ' +
    'a duplicate_of it (Linear then treats issueId as the duplicate). Use it only when the user asked for the ' +
    'link; one relation per call, sent once. Returns the relation as Linear stored it: { id, type, issue, relatedIssue } (for blocked_by, ' +
    'issue is the blocker).',
  input: z.object({
    issueId: issueRef.describe('The issue the relation is about ("ENG-123" or UUID).'),
    type: z.enum(['blocks', 'blocked_by', 'related', 'duplicate_of']).describe('How issueId relates to relatedIssueId.'),
    relatedIssueId: issueRef.describe('The other issue ("ENG-124" or UUID).'),
  }),
  output: z.object({
    id: z.string().describe('The relation id.'),
    type: z.string().describe("Linear's type: blocks, related or duplicate (issue → relatedIssue)."),
    issue: z.object({ identifier: z.string(), title: z.string() }),
    relatedIssue: z.object({ identifier: z.string(), title: z.string() }),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async (input, ctx) => {
    if (input.issueId.toLowerCase() === input.relatedIssueId.toLowerCase()) {
      throw ToolError.invalidInput('an issue cannot be related to itself: give two different issues');
    }
    const [issueId, relatedIssueId] =
      input.type === 'blocked_by' ? [input.relatedIssueId, input.issueId] : [input.issueId, input.relatedIssueId];
    const { issueRelationCreate } = await ctx.linear.mutate<{ issueRelationCreate: RelationPayload }>(CREATE_RELATION, {
      input: { issueId, relatedIssueId, type: LINEAR_TYPE[input.type] },
    });
    const relation = issueRelationCreate.issueRelation;
    if (!issueRelationCreate.success || !relation) {
      throw new ToolError('upstream_error', 'Linear did not save the relation (success: false).');
    }
    return relation;
  },
});
