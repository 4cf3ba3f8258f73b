import { connectInMemory, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';
import { callTool, configuredEnv, directory, form, message, method, morePages, slackError, slackOk } from './fake-upstream';

/** conversations.list entries as documented (trimmed). */
const general = {
  id: 'C012AB3CD',
  name: 'general',
  is_channel: true,
  is_private: false,
  is_archived: false,
  is_member: true,
  num_members: 4,
  topic: { value: 'Company-wide announcements', creator: 'U012A3CDE', last_set: 1449709364 },
  purpose: { value: 'This channel is for team-wide communication.', creator: 'U012A3CDE', last_set: 1449709352 },
};
const secret = { id: 'G0AKFJBEU', name: 'secret-plans', is_private: true, is_archived: false, is_member: false, topic: { value: '' }, purpose: { value: '' } };

type Page<K extends string> = Record<K, Array<Record<string, unknown>>> & { nextCursor?: string };

describe('channels toolset', () => {
  const fake = useFakeUpstream();

  describe('list_channels', () => {
    it('lists public and private channels by default and returns compact channels with nextCursor', async () => {
      const list = method('conversations.list', () => slackOk({ channels: [general, secret], ...morePages('dGVhbTpDMDYxRkE1UEI=') }));
      fake.use(list.handler);
      const page = resultJson<Page<'channels'>>(await callTool('list_channels'));

      expect(form(list.received[0])).toEqual({ types: 'public_channel,private_channel', exclude_archived: 'true', limit: '100' });
      expect(list.received[0]?.headers.get('authorization')).toBe('Bearer xoxp-1111-2222-3333-test');
      expect(page).toEqual({
        channels: [
          {
            id: 'C012AB3CD',
            name: 'general',
            kind: 'public',
            isPrivate: false,
            isArchived: false,
            isMember: true,
            memberCount: 4,
            topic: 'Company-wide announcements',
            purpose: 'This channel is for team-wide communication.',
          },
          { id: 'G0AKFJBEU', name: 'secret-plans', kind: 'private', isPrivate: true, isArchived: false, isMember: false, memberCount: null, topic: null, purpose: null },
        ],
        nextCursor: 'dGVhbTpDMDYxRkE1UEI=',
      });
    });

    it('memberOnly lists the caller’s channels through users.conversations, passing the cursor on', async () => {
      const mine = method('users.conversations', () => slackOk({ channels: [{ ...secret, is_member: undefined }], ...morePages('') }));
      fake.use(mine.handler);
      const page = resultJson<Page<'channels'>>(
        await callTool('list_channels', { types: ['private'], memberOnly: true, includeArchived: true, limit: 2, cursor: 'dGVhbTpDMDYxRkE1UEI=' }),
      );

      expect(form(mine.received[0])).toEqual({ types: 'private_channel', exclude_archived: 'false', limit: '2', cursor: 'dGVhbTpDMDYxRkE1UEI=' });
      expect(page.channels[0]).toMatchObject({ id: 'G0AKFJBEU', isMember: true });
      // An empty next_cursor is Slack's "last page".
      expect(page).not.toHaveProperty('nextCursor');
    });

    it("passes Slack's invalid_cursor on as invalid_input", async () => {
      fake.use(method('conversations.list', () => slackError('invalid_cursor')).handler);
      expect(resultError(await callTool('list_channels', { cursor: 'bm9wZQ==' }))).toBe(
        'invalid_input: Slack answered invalid_cursor: cursor is not valid: pass the nextCursor from a previous result unchanged.',
      );
    });
  });

  describe('read_channel', () => {
    it('reads history between oldest and latest, naming the channel, authors and mentions', async () => {
      const history = method('conversations.history', () =>
        slackOk({
          messages: [
            message('1512104434.000490', 'U061F7AUR', 'ping <@U024BE7LH>, the containment unit?', {
              thread_ts: '1512104434.000490',
              reply_count: 2,
              reactions: [{ name: 'eyes', count: 1, users: ['U024BE7LH'] }],
            }),
            message('1512085950.000216', 'U024BE7LH', 'Print is dead.', { edited: { user: 'U024BE7LH', ts: '1512085960.000000' } }),
            { type: 'message', subtype: 'bot_message', ts: '1512085900.000100', bot_id: 'B01', username: 'deploy-bot', text: 'deployed' },
          ],
          has_more: true,
          ...morePages('bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz'),
        }),
      );
      const names = directory();
      fake.use(history.handler, ...names.handlers);
      const result = await callTool('read_channel', {
        channel: 'C1H9RESGL',
        oldest: '2017-12-01T00:00:00Z',
        latest: '1512104435.000000',
        limit: 3,
      });

      expect(form(history.received[0])).toEqual({
        channel: 'C1H9RESGL',
        oldest: '1512086400',
        latest: '1512104435.000000',
        inclusive: 'false',
        limit: '3',
      });
      expect(resultJson(result)).toEqual({
        channel: { id: 'C1H9RESGL', name: 'busting' },
        messages: [
          {
            ts: '1512104434.000490',
            time: '2017-12-01T05:00:34.000Z',
            user: 'U061F7AUR',
            userName: 'Peter Venkman',
            text: 'ping @spengler, the containment unit?',
            threadTs: '1512104434.000490',
            replyCount: 2,
            reactions: [{ name: 'eyes', count: 1 }],
          },
          {
            ts: '1512085950.000216',
            time: '2017-11-30T23:52:30.000Z',
            user: 'U024BE7LH',
            userName: 'spengler',
            text: 'Print is dead.',
            edited: true,
          },
          { ts: '1512085900.000100', time: '2017-11-30T23:51:40.000Z', user: null, userName: 'deploy-bot', text: 'deployed', subtype: 'bot_message' },
        ],
        nextCursor: 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz',
      });
      // Each id once per call, although U024BE7LH is both an author and a mention.
      expect(names.users.received.map((request) => form(request).user).sort()).toEqual(['U024BE7LH', 'U061F7AUR']);
      expect(names.conversations.received).toHaveLength(1);
    });

    it('looks names up again on a fresh server: nothing is shared between processes', async () => {
      const history = method('conversations.history', () => slackOk({ messages: [message('1512085950.000216', 'U024BE7LH', 'hi')] }));
      const names = directory();
      fake.use(history.handler, ...names.handlers);
      await callTool('read_channel', { channel: 'C1H9RESGL' });
      await callTool('read_channel', { channel: 'C1H9RESGL' });
      expect(names.users.received).toHaveLength(2);
      expect(names.conversations.received).toHaveLength(2);
    });

    it('remembers people’s names across calls for 10 minutes, channel names for one call', async () => {
      const history = method('conversations.history', () => slackOk({ messages: [message('1512085950.000216', 'U024BE7LH', 'hi')] }));
      const names = directory();
      fake.use(history.handler, ...names.handlers);
      const { client, close } = await connectInMemory(slackApp, { env: configuredEnv });
      const read = async () => resultJson<{ messages: Array<{ userName: string }> }>(await client.callTool({ name: 'read_channel', arguments: { channel: 'C1H9RESGL' } }));
      const realNow = Date.now.bind(Date);
      try {
        expect((await read()).messages[0]?.userName).toBe('spengler');
        expect((await read()).messages[0]?.userName).toBe('spengler');
        expect(names.users.received).toHaveLength(1);
        expect(names.conversations.received).toHaveLength(2);

        // Ten minutes and a second later (the cache's clock is Date.now): asked again.
        jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 601_000);
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect((await read()).messages[0]?.userName).toBe('spengler');
        expect(names.users.received).toHaveLength(2);
      } finally {
        jest.restoreAllMocks();
        await close();
      }
    });

    it('names a direct message after the other person, keeps ids whose lookup fails, and caps long text', async () => {
      const long = 'x'.repeat(4100);
      const history = method('conversations.history', () =>
        slackOk({ messages: [message('1512085950.000216', 'U0GONE000', `<@U0GONE000> ${long}`)] }),
      );
      const names = directory();
      fake.use(history.handler, ...names.handlers);
      const page = resultJson<{ channel: unknown; messages: Array<{ userName: string | null; text: string }> }>(
        await callTool('read_channel', { channel: 'D0C0F7S8Y' }),
      );
      expect(page.channel).toEqual({ id: 'D0C0F7S8Y', name: '@spengler' });
      expect(page.messages[0]?.userName).toBeNull();
      expect(page.messages[0]?.text).toBe(`<@U0GONE000> ${'x'.repeat(3987)}\n… [truncated: 113 more characters not shown]`);
    });

    it('turns channel_not_found into not_found', async () => {
      fake.use(method('conversations.history', () => slackError('channel_not_found')).handler);
      expect(resultError(await callTool('read_channel', { channel: 'C0NOPE000' }))).toBe(
        'not_found: Slack answered channel_not_found: no such channel, or the token cannot see it (use list_channels for ids).',
      );
    });

    it.each([
      ['a channel name', { channel: '#general' }, 'channel'],
      ['a date that is not a time', { channel: 'C1H9RESGL', oldest: 'last week' }, 'oldest'],
      ['a limit over 200', { channel: 'C1H9RESGL', limit: 500 }, 'limit'],
    ])('rejects %s as invalid_input without calling Slack', async (_label, args, field) => {
      const message = resultError(await callTool('read_channel', args));
      expect(message).toMatch(/^invalid_input: invalid arguments for read_channel:/);
      expect(message).toContain(field);
    });
  });

  describe('read_thread', () => {
    it('reads the parent and replies of a thread and pages on', async () => {
      const replies = method('conversations.replies', () =>
        slackOk({
          messages: [
            message('1512104434.000490', 'U061F7AUR', 'containment unit?', { thread_ts: '1512104434.000490', reply_count: 1 }),
            message('1512104500.000100', 'U024BE7LH', 'holding', { thread_ts: '1512104434.000490', parent_user_id: 'U061F7AUR' }),
          ],
          has_more: true,
          ...morePages('bmV4dF90czoxNTEyMTA0NTAwMDAwMjAw'),
        }),
      );
      const names = directory();
      fake.use(replies.handler, ...names.handlers);
      const result = await callTool('read_thread', { channel: 'C1H9RESGL', threadTs: '1512104434.000490', limit: 2, cursor: 'c29tZQ==' });

      expect(form(replies.received[0])).toEqual({ channel: 'C1H9RESGL', ts: '1512104434.000490', limit: '2', cursor: 'c29tZQ==' });
      expect(resultJson(result)).toEqual({
        channel: { id: 'C1H9RESGL', name: 'busting' },
        threadTs: '1512104434.000490',
        messages: [
          expect.objectContaining({ ts: '1512104434.000490', userName: 'Peter Venkman', text: 'containment unit?', replyCount: 1 }),
          expect.objectContaining({ ts: '1512104500.000100', userName: 'spengler', text: 'holding', threadTs: '1512104434.000490' }),
        ],
        nextCursor: 'bmV4dF90czoxNTEyMTA0NTAwMDAwMjAw',
      });
    });

    it('turns thread_not_found into not_found', async () => {
      fake.use(method('conversations.replies', () => slackError('thread_not_found')).handler);
      expect(resultError(await callTool('read_thread', { channel: 'C1H9RESGL', threadTs: '1512104434.000490' }))).toMatch(
        /^not_found: Slack answered thread_not_found/,
      );
    });
  });
});
