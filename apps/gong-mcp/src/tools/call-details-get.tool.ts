import { ToolError, capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { extensiveCalls, type GongExtensiveCall } from '../extensive';
import { gongId } from '../inputs';
import { callSchema, compactCall, compactParty, partySchema } from '../shapes';

/** Gong's briefs run to a few paragraphs; a runaway one must not crowd out the other calls. */
const BRIEF_MAX_CHARS = 4_000;
/** Per list (key points, outline items, action items): enough to read a call, bounded for ten of them. */
const LIST_MAX = 25;

const detailsSchema = z.object({
  call: callSchema,
  parties: z.array(partySchema),
  brief: z.string().nullable().describe("Gong's AI summary of the call."),
  keyPoints: z.array(z.string()),
  outline: z.array(z.object({ section: z.string().nullable(), startSeconds: z.number().nullable(), items: z.array(z.string()) })),
  topics: z.array(z.object({ name: z.string().nullable(), durationSeconds: z.number().nullable() })),
  trackers: z.array(z.object({ name: z.string().nullable(), type: z.string().nullable(), count: z.number().nullable() })),
  outcome: z.object({ name: z.string().nullable(), category: z.string().nullable() }).nullable(),
  actionItems: z.array(z.object({ speakerId: z.string().nullable(), text: z.string() })),
});
type Details = z.infer<typeof detailsSchema>;

function compactDetails({ metaData, parties = [], content = {} }: GongExtensiveCall): Details {
  const texts = (values: Array<string | undefined>) => values.filter((value): value is string => Boolean(value)).slice(0, LIST_MAX);
  return {
    call: compactCall(metaData),
    parties: parties.map(compactParty),
    brief: capText(content.brief, BRIEF_MAX_CHARS),
    keyPoints: texts((content.keyPoints ?? []).map((point) => point.text)),
    outline: (content.outline ?? []).slice(0, LIST_MAX).map((section) => ({
      section: section.section ?? null,
      startSeconds: section.startTime ?? null,
      items: texts((section.items ?? []).map((item) => item.text)),
    })),
    topics: (content.topics ?? []).map((topic) => ({ name: topic.name ?? null, durationSeconds: topic.duration ?? null })),
    trackers: (content.trackers ?? [])
      .filter((tracker) => (tracker.count ?? 0) > 0)
      .map((tracker) => ({ name: tracker.name ?? null, type: tracker.type ?? null, count: tracker.count ?? null })),
    outcome: content.callOutcome ? { name: content.callOutcome.name ?? null, category: content.callOutcome.category ?? null } : null,
    actionItems: (content.pointsOfInterest?.actionItems ?? [])
      .filter((item) => item.snippet)
      .slice(0, LIST_MAX)
      .map((item) => ({ speakerId: item.speakerID ?? null, text: item.snippet ?? '' })),
  };
}

export const getCallDetails = defineGongTool({
  name: 'get_call_details',
  toolset: 'calls',
  title: 'Get call details: participants and AI summary',
  description:
    "Reads up to 10 Gong calls with what Gong's AI derived from them: participants (name, email, title, internal " +
    'or external, speaker id), the brief, key points, outline, topics with time spent, trackers that fired, the ' +
    'call outcome and action items. No transcript: use get_transcript for what was said. Long briefs and lists are ' +
    'capped with a marker. Ids Gong does not know (or may not show: private calls) are listed in notFound.',
  input: z.object({
    callIds: z.array(gongId('call')).min(1).max(10).describe('Gong call ids (1-10), e.g. from list_calls or find_calls.'),
  }),
  output: z.object({ calls: z.array(detailsSchema), notFound: z.array(z.string()) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ callIds }, ctx) => {
    const unique = [...new Set(callIds)];
    const page = await extensiveCalls(ctx.gong, { callIds: unique }, 'content');
    const calls = page.items.filter((call) => call.metaData?.id).map(compactDetails);
    const found = new Set(calls.map((call) => call.call.id));
    const notFound = unique.filter((id) => !found.has(id));
    if (!calls.length) {
      throw new ToolError('not_found', `Gong has no call with id ${notFound.join(', ')} (or it is private): take ids from list_calls or find_calls.`);
    }
    return { calls, notFound };
  },
});
