import { resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, gongError, gongList, route, structuredResult } from './fake-upstream';
import { buyerParty, extensiveCall, party, sellerParty, transcript } from './fixtures/gong';

interface TranscriptPage {
  callId: string;
  speakers: Array<{ speakerId: string; name: string; affiliation: string | null }>;
  turns: Array<{ speaker: string; speakerId: string; topic: string | null; startSeconds: number | null; text: string }>;
  sentences: { from: number; to: number; total: number };
  truncated: boolean;
  note?: string;
  nextCursor?: string;
}

describe('get_transcript', () => {
  const fake = useFakeUpstream();

  function serve(callTranscript: unknown, parties: unknown[] = [sellerParty, buyerParty]) {
    const transcripts = route('post', '/calls/transcript', () => gongList('callTranscripts', [callTranscript]));
    const extensive = route('post', '/calls/extensive', () => gongList('calls', [extensiveCall('555', { parties })]));
    fake.use(transcripts.handler, extensive.handler);
    return { transcripts, extensive };
  }

  it("names speakers from the call's parties and joins a speaker's sentences into turns", async () => {
    const { transcripts, extensive } = serve(transcript('555', 4));
    const page = structuredResult<TranscriptPage>(await callTool('get_transcript', { callId: '555' }), 'get_transcript');
    expect(transcripts.received[0]?.body).toEqual({ filter: { callIds: ['555'] } });
    expect(extensive.received[0]?.body).toEqual({ filter: { callIds: ['555'] }, contentSelector: { exposedFields: { parties: true } } });
    expect(page).toEqual({
      callId: '555',
      speakers: [
        { speakerId: sellerParty.speakerId, name: 'Sam Seller', affiliation: 'Internal' },
        { speakerId: buyerParty.speakerId, name: 'Bea Buyer', affiliation: 'External' },
      ],
      turns: [
        { speaker: 'Sam Seller', speakerId: sellerParty.speakerId, topic: 'Call Setup', startSeconds: 0, text: 'Sentence number 0. Sentence number 1.' },
        { speaker: 'Bea Buyer', speakerId: buyerParty.speakerId, topic: 'Pricing', startSeconds: 8, text: 'Sentence number 2. Sentence number 3.' },
      ],
      sentences: { from: 1, to: 4, total: 4 },
      truncated: false,
    });
  });

  it('a speaker without a matching party is named by email, else by id', async () => {
    const noName = { ...party(buyerParty.speakerId, '', 'bea@eng.acme.com', 'External'), name: undefined };
    serve(transcript('555', 6), [noName]);
    const page = structuredResult<TranscriptPage>(await callTool('get_transcript', { callId: '555' }), 'get_transcript');
    expect(page.speakers.map((speaker) => speaker.name)).toEqual([`Speaker ${sellerParty.speakerId}`, 'bea@eng.acme.com']);
  });

  it('pages over sentences: truncated with a marker, and nextCursor continues to the end', async () => {
    const { transcripts } = serve(transcript('555', 5, 1));
    const first = structuredResult<TranscriptPage>(await callTool('get_transcript', { callId: '555', limit: 3 }), 'get_transcript');
    expect(first.sentences).toEqual({ from: 1, to: 3, total: 5 });
    expect(first.truncated).toBe(true);
    expect(first.note).toBe('[transcript continues: sentences 1-3 of 5 shown; call again with nextCursor for the rest]');
    expect(first.turns.map((turn) => turn.text)).toEqual(['Sentence number 0.', 'Sentence number 1.', 'Sentence number 2.']);

    const second = structuredResult<TranscriptPage>(await callTool('get_transcript', { callId: '555', limit: 3, cursor: first.nextCursor }), 'get_transcript');
    expect(second).toMatchObject({ sentences: { from: 4, to: 5, total: 5 }, truncated: false });
    expect(second.nextCursor).toBeUndefined();
    expect(second.turns.map((turn) => turn.text)).toEqual(['Sentence number 3.', 'Sentence number 4.']);
    expect(transcripts.received).toHaveLength(2);
  });

  it('an oversized transcript is cut by characters per page, not only by sentence count', async () => {
    // 30 sentences of 5,000 characters: 150,000 characters, far beyond one page.
    serve(transcript('555', 30, 3, (index) => `${index}:${'w'.repeat(4_995)}`));
    const page = structuredResult<TranscriptPage>(await callTool('get_transcript', { callId: '555', limit: 2000 }), 'get_transcript');
    expect(page.sentences).toEqual({ from: 1, to: 8, total: 30 }); // 8 × ~5,000 fit in 40,000
    expect(page.truncated).toBe(true);
    expect(page.turns.reduce((sum, turn) => sum + turn.text.length, 0)).toBeLessThanOrEqual(40_000);
  });

  it('no transcript (unknown, private or not yet processed) → not_found saying why it may be', async () => {
    fake.use(
      route('post', '/calls/transcript', () => gongError(404, 'No calls found corresponding to the provided filters')).handler,
      route('post', '/calls/extensive', () => gongError(404, 'No calls found corresponding to the provided filters')).handler,
    );
    expect(resultError(await callTool('get_transcript', { callId: '999' }))).toBe(
      'not_found: Gong has no transcript for call 999: the id is unknown or the call private, or it was not recorded or is still being processed.',
    );
  });
});
