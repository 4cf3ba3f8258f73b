import { capText, pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { pageOf, readPageCursor } from '../gong-paging';
import { gongId } from '../inputs';

const NOTE_MAX_CHARS = 1_000;

interface GongLibraryCall {
  id?: string;
  title?: string;
  note?: string;
  addedBy?: string;
  created?: string;
  url?: string;
  snippet?: { fromSec?: number; toSec?: number };
}

const libraryCallSchema = z.object({
  callId: z.string().nullable(),
  title: z.string().nullable(),
  note: z.string().nullable().describe('Why it was added (capped).'),
  snippet: z.object({ fromSeconds: z.number().nullable(), toSeconds: z.number().nullable() }).nullable().describe('The part of the call the folder keeps, when only a part.'),
  addedBy: z.string().nullable().describe('Gong user id.'),
  added: z.string().nullable(),
  url: z.string().nullable(),
});

export const listLibraryFolderCalls = defineGongTool({
  name: 'list_library_folder_calls',
  toolset: 'library',
  title: 'List the calls in a library folder',
  description:
    'Lists the calls in one Gong library folder (ids from list_library_folders): call id, title, the note saying ' +
    'why it was added, the kept snippet (seconds) when only part of the call, who added it and when, the URL. Use ' +
    'get_call_details or get_transcript with the call id for the content.',
  input: z.object({
    folderId: gongId('library folder'),
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(libraryCallSchema),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor(input.cursor);
    const answer = await ctx.gong.list<GongLibraryCall, 'calls'>('GET', 'library/folder-content', 'calls', {
      query: { folderId: input.folderId },
      scope: 'api:library:read',
      notFound: `Gong has no public library folder ${input.folderId}: take ids from list_library_folders`,
    });
    // Gong answers the whole folder at once: pages are ours.
    const shown = pageOf(answer.items, undefined, state, input.limit);
    return {
      items: shown.items.map((call) => ({
        callId: call.id ?? null,
        title: call.title ?? null,
        note: capText(call.note, NOTE_MAX_CHARS),
        snippet: call.snippet ? { fromSeconds: call.snippet.fromSec ?? null, toSeconds: call.snippet.toSec ?? null } : null,
        addedBy: call.addedBy ?? null,
        added: call.created ?? null,
        url: call.url ?? null,
      })),
      nextCursor: shown.nextCursor,
    };
  },
});
