import { pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { pageOf, readPageCursor } from '../gong-paging';
import { workspaceId } from '../inputs';

interface GongLibraryFolder {
  id?: string;
  name?: string;
  parentFolderId?: string | null;
  updated?: string;
}

const folderSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  parentFolderId: z.string().nullable().describe('null for a top-level folder.'),
  updated: z.string().nullable(),
});

export const listLibraryFolders = defineGongTool({
  name: 'list_library_folders',
  toolset: 'library',
  title: 'List library folders',
  description:
    "Lists the public folders of the company's Gong call library (curated calls: best practices, onboarding, " +
    'competitor mentions …): id, name, parent folder, last update. Private and archived folders are not served by ' +
    'Gong. Use list_library_folder_calls for the calls in one.',
  input: z.object({
    workspaceId,
    ...pageInput({ defaultLimit: 100 }),
  }),
  output: pageOutput(folderSchema),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor(input.cursor);
    const answer = await ctx.gong.list<GongLibraryFolder, 'folders'>('GET', 'library/folders', 'folders', {
      query: { workspaceId: input.workspaceId },
      scope: 'api:library:read',
      notFound: 'empty',
    });
    // Gong answers the whole list at once: pages are ours.
    const shown = pageOf(answer.items, undefined, state, input.limit);
    return {
      items: shown.items.map((folder) => ({
        id: folder.id ?? null,
        name: folder.name ?? null,
        parentFolderId: folder.parentFolderId ?? null,
        updated: folder.updated ?? null,
      })),
      nextCursor: shown.nextCursor,
    };
  },
});
