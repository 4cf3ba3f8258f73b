import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { tsToIso } from './inputs';
import { personName, type NameDirectory, type NamedUser } from './names';

/**
 * Compact views of Slack objects that several tools return. The parameter types list only the
 * fields we read, so history, replies and search payloads (which differ in extras) all fit.
 */

export interface MessageLike {
  ts?: string;
  user?: string;
  username?: string;
  bot_profile?: { name?: string };
  text?: string;
  subtype?: string;
  thread_ts?: string;
  reply_count?: number;
  reactions?: Array<{ name?: string; count?: number }>;
  files?: Array<{ name?: string; title?: string }>;
  edited?: { ts?: string };
}

/** Messages are capped one by one so one huge message cannot crowd out the rest. */
export const MESSAGE_MAX_CHARS = 4_000;

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * Messages with their authors and the people they mention named: `<@U024BE7LH>` in the text
 * becomes `@alice`. All ids of a page are looked up together, each once.
 */
export async function describeMessages(messages: MessageLike[], names: NameDirectory) {
  const ids = new Set<string>();
  for (const message of messages) {
    if (message.user) ids.add(message.user);
    for (const [, id] of (message.text ?? '').matchAll(MENTION)) ids.add(id as string);
  }
  const people = await names.userNames(ids);
  return messages.map((message) => compactMessage(message, people));
}

export const messageOutput = z.object({
  ts: z.string().optional().describe("The message's id within its channel."),
  time: z.string().optional().describe('ISO 8601.'),
  user: z.string().nullable(),
  userName: z.string().nullable(),
  text: z.string().nullable(),
  subtype: z.string().optional(),
  threadTs: z.string().optional().describe('Set on thread parents and replies: read the thread with read_thread.'),
  replyCount: z.number().optional(),
  reactions: z.array(z.object({ name: z.string().optional(), count: z.number().optional() })).optional(),
  files: z.array(z.string().nullable()).optional().describe('File titles or names.'),
  edited: z.literal(true).optional(),
});

function compactMessage(message: MessageLike, people: Map<string, string | null>) {
  const text = (message.text ?? '').replace(MENTION, (mention, id: string) => {
    const name = people.get(id);
    return name ? `@${name}` : mention;
  });
  return {
    ts: message.ts,
    time: message.ts ? tsToIso(message.ts) : undefined,
    user: message.user ?? null,
    userName: message.user ? (people.get(message.user) ?? null) : (message.bot_profile?.name ?? message.username ?? null),
    text: capText(text, MESSAGE_MAX_CHARS),
    // Only what a message has: most have no thread, reactions or files.
    ...(message.subtype ? { subtype: message.subtype } : {}),
    ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
    ...(message.reply_count ? { replyCount: message.reply_count } : {}),
    ...(message.reactions?.length
      ? { reactions: message.reactions.map((reaction) => ({ name: reaction.name, count: reaction.count })) }
      : {}),
    ...(message.files?.length ? { files: message.files.map((file) => file.title || file.name || null) } : {}),
    ...(message.edited ? { edited: true } : {}),
  };
}

export const channelRefOutput = z.object({ id: z.string(), name: z.string().nullable() });

export interface ChannelRef {
  id: string;
  name: string | null;
}

/** A channel id with its name, for results about one channel. */
export async function channelRef(id: string, names: NameDirectory): Promise<ChannelRef> {
  return { id, name: await names.channel(id) };
}

export interface UserLike extends NamedUser {
  id?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_restricted?: boolean;
  tz?: string;
  profile?: NamedUser['profile'] & { title?: string; email?: string; status_text?: string; status_emoji?: string };
}

export const userOutput = z.object({
  id: z.string().optional(),
  handle: z.string().nullable(),
  name: z.string().nullable().describe('Display name, else full name, else handle.'),
  realName: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable().describe('Null when the token may not see emails (users:read.email).'),
  timezone: z.string().nullable(),
  status: z.string().nullable(),
  isBot: z.boolean(),
  isAdmin: z.boolean(),
  isGuest: z.boolean(),
  deleted: z.boolean(),
});

export function compactUser(user: UserLike) {
  return {
    id: user.id,
    handle: user.name ?? null,
    name: personName(user),
    realName: user.profile?.real_name || user.real_name || null,
    title: user.profile?.title || null,
    email: user.profile?.email || null,
    timezone: user.tz ?? null,
    status: [user.profile?.status_emoji, user.profile?.status_text].filter(Boolean).join(' ') || null,
    isBot: user.is_bot ?? false,
    isAdmin: user.is_admin ?? false,
    isGuest: user.is_restricted ?? false,
    deleted: user.deleted ?? false,
  };
}
