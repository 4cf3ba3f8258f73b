import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { gongId } from '../inputs';
import { callSchema, compactCall, type GongCallMeta } from '../shapes';

export const getCall = defineGongTool({
  name: 'get_call',
  toolset: 'calls',
  title: 'Get a call',
  description:
    "Reads one Gong call's metadata by id: title, start, duration, direction, scope, system, language, host user " +
    'id, workspace and the Gong URL. For participants, the brief, key points and topics use get_call_details; for ' +
    'what was said, get_transcript.',
  input: z.object({ callId: gongId('call') }),
  output: callSchema,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ callId }, ctx) => {
    const answer = await ctx.gong.request<{ call?: GongCallMeta }>('GET', `calls/${callId}`, {
      scope: 'api:calls:read:basic',
      notFound: `no Gong call has id ${callId}: take ids from list_calls or find_calls`,
    });
    if (!answer?.call?.id) throw new ToolError('upstream_error', `Gong answered calls/${callId} without the call.`);
    return compactCall(answer.call);
  },
});
