import { isFullPage } from '@notionhq/client';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId } from '../inputs';
import { compactPage, pageOutput } from '../shapes/objects';

export const archivePage = defineNotionTool({
  name: 'archive_page',
  toolset: 'pages',
  title: 'Archive (trash) a page, or restore it',
  description:
    'Moves a page (or a data source row) to the trash, or takes it back out with restore: true. Use it only ' +
    'when the user asked to archive or delete the page. Its sub-pages go with it. A trashed page can be restored ' +
    'with this tool, or from Notion\'s trash, until the trash is emptied (30 days). Calling it again changes ' +
    'nothing more. Returns { id, title, url, parent, lastEditedTime, inTrash }.',
  input: z.object({
    pageId: notionId('page'),
    restore: z.boolean().default(false).describe('true takes the page out of the trash instead (default false: archive it).'),
  }),
  output: pageOutput.partial().extend({ object: z.string(), id: z.string(), inTrash: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    // in_trash is what Notion-Version 2025-09-03 documents; `archived` is its older name.
    const page = await ctx.notion.pages.update({ page_id: input.pageId, in_trash: !input.restore });
    return isFullPage(page) ? { ...compactPage(page), inTrash: page.in_trash } : { object: 'page', id: page.id, inTrash: !input.restore };
  },
});
