import { z } from 'zod';
import { defineGongTool } from '../context';
import { extensiveCalls, type GongExtensiveCall } from '../extensive';
import { pageOf, readPageCursor } from '../gong-paging';
import { callWindow, dateTime, workspaceId } from '../inputs';
import { callSchema, compactCall, compactParty, partySchema } from '../shapes';

type Window = ReturnType<typeof callWindow>;

interface Criteria {
  participantEmail?: string;
  accountDomain?: string;
  titleContains?: string;
}

export const findCalls = defineGongTool({
  name: 'find_calls',
  toolset: 'calls',
  title: 'Find calls by participant, account domain or title',
  description:
    'Finds Gong calls by participant email, account (email domain of any participant, e.g. acme.com) and/or words ' +
    'in the title; every criterion given must match. Gong has no search endpoint: this scans the calls of a date ' +
    'window (default: the 30 days up to now) page by page, 100 calls a page, at most maxPages pages per call of ' +
    'this tool, and says how much it scanned. When scanned.complete is false, pass nextCursor to scan on. A narrow ' +
    'window scans faster and costs fewer of Gong\'s 10,000 requests a day.',
  input: z
    .object({
      participantEmail: z.email().optional().describe('A participant with this email address.'),
      accountDomain: z
        .string()
        .regex(/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'a domain such as acme.com')
        .optional()
        .describe('A participant whose email is at this domain or a subdomain, e.g. acme.com.'),
      titleContains: z.string().min(2).optional().describe('Words the call title contains (case-insensitive).'),
      fromDateTime: dateTime('Start of the window, ISO-8601 with offset (default: 30 days before toDateTime).').optional(),
      toDateTime: dateTime('End of the window, ISO-8601 with offset (default: now).').optional(),
      workspaceId,
      maxPages: z.number().int().min(1).max(10).default(3).describe('Pages of 100 calls to scan at most (1-10, default 3).'),
      limit: z.number().int().min(1).max(50).default(20).describe('Matches to return at most (1-50, default 20).'),
      cursor: z.string().optional().describe('nextCursor from the previous result, to scan on; omit to start.'),
    })
    .refine((input) => input.participantEmail || input.accountDomain || input.titleContains, {
      message: 'give at least one of participantEmail, accountDomain, titleContains (list_calls lists a window unfiltered)',
    }),
  output: z.object({
    items: z.array(z.object({ call: callSchema, parties: z.array(partySchema) })),
    scanned: z.object({
      pages: z.number(),
      calls: z.number(),
      fromDateTime: z.string(),
      toDateTime: z.string(),
      complete: z.boolean().describe('True when the whole window has been scanned.'),
    }),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const state = readPageCursor<Window>(input.cursor);
    const window = state?.extra ?? callWindow(input.fromDateTime, input.toDateTime, 30);
    const matches = matcher(input);
    const items: Array<{ call: ReturnType<typeof compactCall>; parties: ReturnType<typeof compactParty>[] }> = [];
    let pageToken = state?.token;
    let skip = state?.skip ?? 0;
    let pages = 0;
    let calls = 0;
    let nextCursor: string | undefined;
    while (pages < input.maxPages) {
      const page = await extensiveCalls(ctx.gong, { ...window, workspaceId: input.workspaceId }, 'parties', pageToken);
      pages++;
      let index = skip;
      for (; index < page.items.length && items.length < input.limit; index++) {
        const call = page.items[index] as GongExtensiveCall;
        calls++;
        if (call.metaData && matches(call)) items.push({ call: compactCall(call.metaData), parties: (call.parties ?? []).map(compactParty) });
      }
      // Stopped inside the page (enough matches): continue from this page's next call; else from Gong's next page.
      nextCursor = pageOf(page.items, page.records.cursor, { token: pageToken, skip: index }, 0, window).nextCursor;
      if (!nextCursor || items.length >= input.limit) break;
      pageToken = page.records.cursor;
      skip = 0;
    }
    return {
      items,
      scanned: { pages, calls, ...window, complete: nextCursor === undefined },
      nextCursor,
    };
  },
});

function matcher(criteria: Criteria) {
  const email = criteria.participantEmail?.toLowerCase();
  const domain = criteria.accountDomain?.toLowerCase().replace(/^@/, '');
  const title = criteria.titleContains?.toLowerCase();
  return (call: GongExtensiveCall): boolean => {
    const emails = (call.parties ?? []).map((party) => party.emailAddress?.toLowerCase()).filter((value): value is string => Boolean(value));
    if (email && !emails.includes(email)) return false;
    if (domain && !emails.some((address) => address.endsWith(`@${domain}`) || address.endsWith(`.${domain}`))) return false;
    if (title && !(call.metaData.title ?? '').toLowerCase().includes(title)) return false;
    return true;
  };
}

