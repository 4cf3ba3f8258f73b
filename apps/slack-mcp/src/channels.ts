import { z } from 'zod';

/** The fields we read of conversations.list and users.conversations entries (channels, DMs, group DMs). */
export interface ChannelLike {
  id?: string;
  name?: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
  /** A direct message's other person. */
  user?: string;
  num_members?: number;
  topic?: { value?: string };
  purpose?: { value?: string };
}

export type ChannelKind = 'public' | 'private' | 'im' | 'mpim';

export const channelKind = (channel: ChannelLike): ChannelKind =>
  channel.is_im ? 'im' : channel.is_mpim ? 'mpim' : channel.is_private ? 'private' : 'public';

export const channelOutput = z.object({
  id: z.string().optional(),
  name: z.string().nullable().describe('Channel name; "@person" for a direct message.'),
  kind: z.enum(['public', 'private', 'im', 'mpim']).describe('im: direct message, mpim: group direct message.'),
  isPrivate: z.boolean(),
  isArchived: z.boolean(),
  isMember: z.boolean(),
  memberCount: z.number().nullable(),
  topic: z.string().nullable(),
  purpose: z.string().nullable(),
  user: z.string().optional().describe("A direct message's other person (user id)."),
});

/**
 * One conversation as list_channels and find_channel return it. `people` names the other person of
 * direct messages; `member` says the listing holds memberships only (users.conversations leaves
 * is_member out).
 */
export function compactChannel(channel: ChannelLike, people: Map<string, string | null>, member: boolean): z.output<typeof channelOutput> {
  const kind = channelKind(channel);
  const person = kind === 'im' && channel.user ? people.get(channel.user) : undefined;
  return {
    id: channel.id,
    name: person ? `@${person}` : (channel.name ?? null),
    kind,
    // Direct messages are private whatever the flag says.
    isPrivate: kind !== 'public',
    isArchived: channel.is_archived ?? false,
    // Direct messages list only the token's own.
    isMember: member || (channel.is_member ?? (kind === 'im' || kind === 'mpim')),
    memberCount: channel.num_members ?? null,
    topic: channel.topic?.value || null,
    purpose: channel.purpose?.value || null,
    ...(kind === 'im' && channel.user ? { user: channel.user } : {}),
  };
}
