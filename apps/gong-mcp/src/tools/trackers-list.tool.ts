import { pageInput, pageOutput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGongTool } from '../context';
import { pageOf, readPageCursor } from '../gong-paging';
import { workspaceId } from '../inputs';

/** Keywords per tracker shown: enough to know what it listens for. */
const KEYWORDS_MAX = 30;

interface GongKeywordTracker {
  trackerId?: string;
  trackerName?: string;
  workspaceId?: string;
  languageKeywords?: Array<{ language?: string; keywords?: string[] }>;
  affiliation?: string;
  saidAt?: string;
  enabled?: boolean;
}

const trackerSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  workspaceId: z.string().nullable(),
  keywords: z.array(z.string()).describe(`Words and phrases it tracks (first ${KEYWORDS_MAX}, all languages).`),
  moreKeywords: z.number().describe('How many keywords were left out.'),
  affiliation: z.string().nullable().describe('Whose speech counts: Anyone, Company or NonCompany.'),
  saidAt: z.string().nullable(),
});

export const listTrackers = defineGongTool({
  name: 'list_trackers',
  toolset: 'settings',
  title: 'List keyword trackers',
  description:
    "Lists the company's Gong keyword trackers (the words and phrases Gong flags in calls, e.g. competitors or " +
    'pricing): id, name, workspace, keywords (capped), whose speech counts. The trackers that fired in a call come ' +
    'with get_call_details.',
  input: z.object({
    workspaceId,
    ...pageInput({ defaultLimit: 50 }),
  }),
  output: pageOutput(trackerSchema),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor(input.cursor);
    const answer = await ctx.gong.list<GongKeywordTracker, 'keywordTrackers'>('GET', 'settings/trackers', 'keywordTrackers', {
      query: { workspaceId: input.workspaceId },
      scope: 'api:settings:trackers:read',
      notFound: `Gong has no workspace ${input.workspaceId ?? ''}: omit workspaceId for all workspaces`,
    });
    // Gong answers the whole list at once: pages are ours.
    const shown = pageOf(answer.items, undefined, state, input.limit);
    return {
      items: shown.items.map((tracker) => {
        const keywords = (tracker.languageKeywords ?? []).flatMap((entry) => entry.keywords ?? []);
        return {
          id: tracker.trackerId ?? null,
          name: tracker.trackerName ?? null,
          workspaceId: tracker.workspaceId ?? null,
          keywords: keywords.slice(0, KEYWORDS_MAX),
          moreKeywords: Math.max(0, keywords.length - KEYWORDS_MAX),
          affiliation: tracker.affiliation ?? null,
          saidAt: tracker.saidAt ?? null,
        };
      }),
      nextCursor: shown.nextCursor,
    };
  },
});
