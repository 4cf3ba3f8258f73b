import type { GongApi } from './gong-api';
import type { GongCallMeta, GongParty } from './shapes';

/** What Gong's AI derived from a call (`content` of `/v2/calls/extensive`). */
export interface GongCallContent {
  brief?: string;
  keyPoints?: Array<{ text?: string }>;
  topics?: Array<{ name?: string; duration?: number }>;
  trackers?: Array<{ id?: string; name?: string; type?: string; count?: number }>;
  outline?: Array<{ section?: string; startTime?: number; duration?: number; items?: Array<{ text?: string; startTime?: number }> }>;
  callOutcome?: { id?: string; category?: string; name?: string };
  pointsOfInterest?: { actionItems?: Array<{ snippet?: string; speakerID?: string; snippetStartTime?: number }> };
}

export interface GongExtensiveCall {
  metaData: GongCallMeta;
  parties?: GongParty[];
  content?: GongCallContent;
}

export interface ExtensiveFilter {
  callIds?: string[];
  fromDateTime?: string;
  toDateTime?: string;
  workspaceId?: string;
}

/** Which parts of a call to ask for: parties only (search, speaker names) or the AI content too. */
export type ExtensiveParts = 'parties' | 'content';

const CONTENT = { brief: true, keyPoints: true, topics: true, trackers: true, outline: true, callOutcome: true, pointsOfInterest: true };

/**
 * One page of `/v2/calls/extensive` (a POST: filter and cursor in the body). Gong answers 404 when no
 * call matches, which is an empty page here.
 */
export function extensiveCalls(gong: GongApi, filter: ExtensiveFilter, parts: ExtensiveParts, cursor?: string) {
  return gong.list<GongExtensiveCall, 'calls'>('POST', 'calls/extensive', 'calls', {
    body: {
      filter,
      cursor,
      contentSelector: { exposedFields: { parties: true, ...(parts === 'content' ? { content: CONTENT } : {}) } },
    },
    scope: 'api:calls:read:extensive',
    notFound: 'empty',
  });
}
