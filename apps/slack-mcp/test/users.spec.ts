import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, form, method, morePages, people, slackError, slackOk } from './fake-upstream';

const spengler = {
  id: 'U024BE7LH',
  handle: 'spengler',
  name: 'spengler',
  realName: 'Egon Spengler',
  title: 'Ghostbuster',
  email: 'spengler@ghostbusters.example.com',
  timezone: 'America/New_York',
  status: ':books: Print is dead',
  isBot: false,
  isAdmin: true,
  isGuest: false,
  deleted: false,
};

describe('users toolset', () => {
  const fake = useFakeUpstream();

  describe('get_user', () => {
    it('gets a user by id', async () => {
      const info = method('users.info', () => slackOk({ user: people['U024BE7LH'] }));
      fake.use(info.handler);
      expect(resultJson(await callTool('get_user', { user: 'U024BE7LH' }))).toEqual(spengler);
      expect(form(info.received[0])).toEqual({ user: 'U024BE7LH' });
    });

    it('gets a user by email', async () => {
      const lookup = method('users.lookupByEmail', () => slackOk({ user: people['U024BE7LH'] }));
      fake.use(lookup.handler);
      expect(resultJson(await callTool('get_user', { email: 'spengler@ghostbusters.example.com' }))).toEqual(spengler);
      expect(form(lookup.received[0])).toEqual({ email: 'spengler@ghostbusters.example.com' });
    });

    it('falls back from an empty display name to the full name', async () => {
      fake.use(method('users.info', () => slackOk({ user: people['U061F7AUR'] })).handler);
      expect(resultJson(await callTool('get_user', { user: 'U061F7AUR' }))).toMatchObject({ handle: 'venkman', name: 'Peter Venkman' });
    });

    it.each([
      ['neither user nor email', {}],
      ['both user and email', { user: 'U024BE7LH', email: 'spengler@ghostbusters.example.com' }],
    ])('rejects %s as invalid_input without calling Slack', async (_label, args) => {
      expect(resultError(await callTool('get_user', args))).toMatch(/^invalid_input: invalid arguments for get_user:[\s\S]*give exactly one of user or email/);
    });

    it('turns user_not_found and users_not_found into not_found', async () => {
      fake.use(method('users.info', () => slackError('user_not_found')).handler, method('users.lookupByEmail', () => slackError('users_not_found')).handler);
      expect(resultError(await callTool('get_user', { user: 'U0NOPE000' }))).toBe('not_found: Slack answered user_not_found: no such user.');
      expect(resultError(await callTool('get_user', { email: 'nobody@example.com' }))).toBe(
        'not_found: Slack answered users_not_found: no user with that email.',
      );
    });
  });

  describe('list_users', () => {
    const members = [
      people['U024BE7LH'],
      people['U061F7AUR'],
      { id: 'USLACKBOT', name: 'slackbot', real_name: 'Slackbot', is_bot: false, profile: { real_name: 'Slackbot' } },
      { id: 'B0BOT0000', name: 'deploy', is_bot: true, profile: { real_name: 'deploy' } },
      { id: 'U0GONE000', name: 'gozer', deleted: true, profile: { real_name: 'Gozer' } },
    ];

    it('lists people without bots or deactivated accounts, with nextCursor', async () => {
      const list = method('users.list', () => slackOk({ members, cache_ts: 1498777272, ...morePages('dXNlcjpVMEc5V0ZYTlo=') }));
      fake.use(list.handler);
      const page = resultJson<{ users: Array<{ id: string }>; nextCursor?: string }>(await callTool('list_users', { limit: 5 }));
      expect(form(list.received[0])).toEqual({ limit: '5' });
      expect(page.users.map((user) => user.id)).toEqual(['U024BE7LH', 'U061F7AUR']);
      expect(page.users[0]).toEqual(spengler);
      expect(page.nextCursor).toBe('dXNlcjpVMEc5V0ZYTlo=');
    });

    it('includes bots and deactivated accounts when asked, and sends the cursor', async () => {
      const list = method('users.list', () => slackOk({ members }));
      fake.use(list.handler);
      const page = resultJson<{ users: Array<{ id: string }> }>(
        await callTool('list_users', { includeBots: true, includeDeleted: true, cursor: 'dXNlcjpVMEc5V0ZYTlo=' }),
      );
      expect(form(list.received[0])).toEqual({ limit: '100', cursor: 'dXNlcjpVMEc5V0ZYTlo=' });
      expect(page.users).toHaveLength(5);
      expect(page).not.toHaveProperty('nextCursor');
    });
  });
});
