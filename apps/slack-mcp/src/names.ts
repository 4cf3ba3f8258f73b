import type { WebClient } from '@slack/web-api';
import QuickLRU from 'quick-lru';

/** The fields of a Slack user we name people by (users.info and users.list both have them). */
export interface NamedUser {
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

/** What people see in Slack: the display name, else the full name, else the handle. */
export function personName(user: NamedUser): string | null {
  return user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || null;
}

/** How long a person's name is reused without asking Slack again: people rename themselves rarely. */
export const USER_NAME_TTL_MS = 10 * 60_000;
/** Names kept at most (a large workspace's active authors), least recently used dropped first. */
const USER_NAMES_MAX = 5_000;

/** People's names by user id, shared by every call of one server process. */
export type UserNameCache = QuickLRU<string, string>;

export function createUserNameCache(): UserNameCache {
  return new QuickLRU<string, string>({ maxSize: USER_NAMES_MAX, maxAge: USER_NAME_TTL_MS });
}

/**
 * Resolves user and channel ids to names for one tool call. Each id is looked up at most once
 * per call (the promise is cached, so parallel lookups share it). People's names are also kept
 * for the process (`known`, USER_NAME_TTL_MS), so a channel's regular authors cost no users.info
 * per call; channel names are looked up per call. A lookup that fails gives null and is not kept:
 * a missing name must not fail the call that needed it.
 */
export class NameDirectory {
  private readonly users = new Map<string, Promise<string | null>>();
  private readonly channels = new Map<string, Promise<string | null>>();

  constructor(
    private readonly client: WebClient,
    private readonly known?: UserNameCache,
  ) {}

  user(id: string): Promise<string | null> {
    let name = this.users.get(id);
    if (!name) {
      const known = this.known?.get(id);
      name = known !== undefined ? Promise.resolve(known) : this.lookUpUser(id);
      this.users.set(id, name);
    }
    return name;
  }

  private lookUpUser(id: string): Promise<string | null> {
    return this.client.users.info({ user: id }).then(
      ({ user }) => {
        const name = user ? personName(user) : null;
        if (name !== null) this.known?.set(id, name);
        return name;
      },
      () => null,
    );
  }

  /** Channels by name ("general"); direct messages by the other person's name ("@alice"). */
  channel(id: string): Promise<string | null> {
    let name = this.channels.get(id);
    if (!name) {
      name = this.client.conversations.info({ channel: id }).then(
        async (result) => {
          // conversations.info answers a direct message with the other person's id in `user`.
          const channel: { name?: string; is_im?: boolean; user?: string } | undefined = result.channel;
          if (channel?.is_im && channel.user) {
            const person = await this.user(channel.user);
            return person ? `@${person}` : null;
          }
          return channel?.name ?? null;
        },
        () => null,
      );
      this.channels.set(id, name);
    }
    return name;
  }

  /** Names of many users at once, looked up in parallel. */
  async userNames(ids: Iterable<string>): Promise<Map<string, string | null>> {
    const unique = [...new Set(ids)];
    const names = await Promise.all(unique.map((id) => this.user(id)));
    return new Map(unique.map((id, index) => [id, names[index] ?? null]));
  }
}
