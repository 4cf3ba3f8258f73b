import { ToolError, capText, pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { extensiveCalls } from '../extensive';
import { pageOf, readPageCursor } from '../gong-paging';
import { gongId } from '../inputs';
import type { GongParty } from '../shapes';

/** Characters of transcript text per page: well inside MCP_MAX_RESULT_BYTES, and what clients can take. */
const PAGE_MAX_CHARS = 40_000;

interface GongMonologue {
  speakerId?: string;
  topic?: string | null;
  sentences?: Array<{ start?: number; end?: number; text?: string }>;
}

interface Sentence {
  speakerId: string;
  topic: string | null;
  startMs: number | null;
  text: string;
}

const speakerSchema = z.object({
  speakerId: z.string(),
  name: z.string().describe('Participant name, else email, else "Speaker <id>".'),
  affiliation: z.string().nullable().describe('Internal (the company), External or Unknown.'),
});

const turnSchema = z.object({
  speaker: z.string(),
  speakerId: z.string(),
  topic: z.string().nullable(),
  startSeconds: z.number().nullable(),
  text: z.string(),
});
type Turn = z.infer<typeof turnSchema>;

export const getTranscript = defineGongTool({
  name: 'get_transcript',
  toolset: 'calls',
  title: 'Get the transcript of a call',
  description:
    "Reads what was said in one Gong call, as turns (consecutive sentences of one speaker) named from the call's " +
    'participants, with topic and start time. Transcripts are long: this pages over sentences (limit = sentences ' +
    `per page, and at most ${PAGE_MAX_CHARS} characters); when more follows, truncated is true, the note says how ` +
    'far it got, and nextCursor continues. For a summary first, use get_call_details.',
  input: z.object({
    callId: gongId('call'),
    ...pageInput({ defaultLimit: 300, maxLimit: 2000 }),
  }),
  output: z.object({
    callId: z.string(),
    speakers: z.array(speakerSchema),
    turns: z.array(turnSchema),
    sentences: z.object({ from: z.number(), to: z.number(), total: z.number() }).describe('1-based range shown, of total.'),
    truncated: z.boolean(),
    note: z.string().optional(),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ callId, cursor, limit }, ctx) => {
    const state = readPageCursor(cursor);
    const transcripts = await ctx.gong.list<{ callId?: string; transcript?: GongMonologue[] }, 'callTranscripts'>(
      'POST',
      'calls/transcript',
      'callTranscripts',
      { body: { filter: { callIds: [callId] } }, scope: 'api:calls:read:transcript', notFound: 'empty' },
    );
    const monologues = transcripts.items.find((item) => item.callId === callId)?.transcript;
    if (!monologues?.length) {
      throw new ToolError(
        'not_found',
        `Gong has no transcript for call ${callId}: the id is unknown or the call private, or it was not recorded or is still being processed.`,
      );
    }
    // The transcript knows speakers by id only; the call's parties give them names.
    const calls = await extensiveCalls(ctx.gong, { callIds: [callId] }, 'parties');
    const speakers = speakersOf(monologues, calls.items[0]?.parties ?? []);
    const sentences = monologues.flatMap((monologue) =>
      (monologue.sentences ?? []).map((sentence) => ({
        speakerId: monologue.speakerId ?? 'unknown',
        topic: monologue.topic ?? null,
        startMs: sentence.start ?? null,
        // One runaway sentence must still fit a page.
        text: capText(sentence.text ?? '', PAGE_MAX_CHARS),
      })),
    );
    const from = state?.skip ?? 0;
    if (from >= sentences.length) throw ToolError.invalidInput('cursor is past the end of this transcript: start again without cursor.');
    const page = pageOf(sentences, undefined, state, withinChars(sentences.slice(from, from + limit)));
    const to = from + page.items.length;
    const truncated = page.nextCursor !== undefined;
    return {
      callId,
      speakers: [...speakers.values()],
      turns: turnsOf(page.items, speakers),
      sentences: { from: from + 1, to, total: sentences.length },
      truncated,
      note: truncated
        ? `[transcript continues: sentences ${from + 1}-${to} of ${sentences.length} shown; call again with nextCursor for the rest]`
        : undefined,
      nextCursor: page.nextCursor,
    };
  },
});

/** Every speaker of the transcript, named from the call's parties by speakerId. */
function speakersOf(monologues: GongMonologue[], parties: GongParty[]) {
  const speakers = new Map<string, z.infer<typeof speakerSchema>>();
  for (const { speakerId = 'unknown' } of monologues) {
    if (speakers.has(speakerId)) continue;
    const party = parties.find((candidate) => candidate.speakerId === speakerId);
    const name = party?.name || party?.emailAddress || `Speaker ${speakerId}`;
    speakers.set(speakerId, { speakerId, name, affiliation: party?.affiliation ?? null });
  }
  return speakers;
}

/** How many of these sentences fit in one page's characters (at least one, so paging always moves). */
function withinChars(sentences: Sentence[]): number {
  let chars = 0;
  for (let index = 0; index < sentences.length; index++) {
    chars += (sentences[index]?.text.length ?? 0) + 1;
    if (chars > PAGE_MAX_CHARS) return Math.max(1, index);
  }
  return sentences.length;
}

function turnsOf(sentences: Sentence[], speakers: Map<string, { name: string }>): Turn[] {
  const turns: Turn[] = [];
  for (const sentence of sentences) {
    const last = turns.at(-1);
    if (last && last.speakerId === sentence.speakerId && last.topic === sentence.topic) {
      last.text = `${last.text} ${sentence.text}`;
      continue;
    }
    turns.push({
      speaker: speakers.get(sentence.speakerId)?.name ?? `Speaker ${sentence.speakerId}`,
      speakerId: sentence.speakerId,
      topic: sentence.topic,
      startSeconds: sentence.startMs === null ? null : Math.floor(sentence.startMs / 1000),
      text: sentence.text,
    });
  }
  return turns;
}
