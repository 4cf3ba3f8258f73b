import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';

/**
 * Input fields several tools share. Ids and timestamps follow Slack's formats closely enough
 * to reject a channel name or a date in the wrong field before any request is made.
 */
export const channelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'a Slack channel id like C024BE91L (list_channels finds ids)')
  .describe('Channel id, e.g. "C024BE91L" (public C…, private G… or C…, direct message D…); list_channels finds ids.');

export const userId = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id like U024BE7LH')
  .describe('User id, e.g. "U024BE7LH".');

/** A message's ts is its id within the channel: seconds, a dot and six digits. */
export const messageTs = (what: string) =>
  z
    .string()
    .regex(/^\d{9,10}\.\d{6}$/, 'a Slack message ts like "1512085950.000216"')
    .describe(`${what}: a Slack message ts like "1512085950.000216".`);

const SLACK_TS = /^\d{9,10}(\.\d{1,6})?$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A point in time as a Slack ts ("1512085950.000216", Unix seconds) or ISO 8601 ("2026-01-31T09:00:00Z"). */
export const time = (what: string) =>
  z
    .string()
    .refine((value) => SLACK_TS.test(value) || (ISO_8601.test(value) && !Number.isNaN(Date.parse(value))), {
      message: 'a Slack ts like "1512085950.000216" or an ISO 8601 time like "2026-01-31T09:00:00Z"',
    })
    .describe(`${what}: a Slack ts ("1512085950.000216") or an ISO 8601 time ("2026-01-31T09:00:00Z").`);

/** Unix seconds as Slack wants them for oldest/latest (ts strings pass unchanged). */
export function toSlackTs(value: string | undefined): string | undefined {
  if (value === undefined || SLACK_TS.test(value)) return value;
  return String(Date.parse(value) / 1000);
}

/** A Slack ts as an ISO 8601 time, for readers that are not Slack. */
export function tsToIso(ts: string): string {
  return new Date(Number(ts) * 1000).toISOString();
}

/** Shared input fields of every list tool; Slack's own cursor is opaque and passes through. */
export const pageInput = (defaultLimit: number, maxLimit: number) => ({
  cursor: z.string().min(1).max(500).optional().describe('nextCursor from the previous page; omit for the first page.'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(maxLimit)
    .default(defaultLimit)
    .describe(`Items per page (1-${maxLimit}, default ${defaultLimit}).`),
});

/** Slack ends a listing with an empty next_cursor; we leave nextCursor out instead. */
export function nextCursor(result: { response_metadata?: { next_cursor?: string } }): string | undefined {
  return result.response_metadata?.next_cursor || undefined;
}

/** Whole Unix seconds of a future time, for chat.scheduleMessage's post_at. */
export function futureEpochSeconds(value: string, now: number = Date.now()): number {
  const seconds = Math.floor(Number(toSlackTs(value)));
  if (seconds * 1000 <= now) throw ToolError.invalidInput(`postAt (${value}) is in the past; give a future time`);
  return seconds;
}

/** A message's place, as its permalink names it. */
export interface MessageLink {
  channel: string;
  ts: string;
  /** Set when the message is a thread reply (or the parent, then equal to ts). */
  threadTs?: string;
}

const PERMALINK_PATH = /^\/archives\/([CGD][A-Z0-9]{2,})\/p(\d{9,10})(\d{6})$/;
const THREAD_TS = /^\d{9,10}\.\d{6}$/;

/**
 * Reads a Slack permalink, https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>
 * with ?thread_ts=… on thread replies. Only the channel and ts are used: nothing is fetched from the URL.
 */
export function parsePermalink(permalink: string): MessageLink {
  const invalid = () =>
    ToolError.invalidInput(
      'permalink is not a Slack message link like https://acme.slack.com/archives/C024BE91L/p1512085950000216 (Copy link in Slack)',
    );
  let url: URL;
  try {
    url = new URL(permalink.trim());
  } catch {
    throw invalid();
  }
  const path = PERMALINK_PATH.exec(url.pathname);
  if (url.protocol !== 'https:' || !/(^|\.)slack\.com$/.test(url.hostname) || !path) throw invalid();
  const [, channel = '', seconds = '', micros = ''] = path;
  const threadTs = url.searchParams.get('thread_ts') ?? undefined;
  if (threadTs !== undefined && !THREAD_TS.test(threadTs)) throw invalid();
  return { channel, ts: `${seconds}.${micros}`, ...(threadTs ? { threadTs } : {}) };
}
