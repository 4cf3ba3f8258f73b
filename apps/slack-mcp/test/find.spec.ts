import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { slackTools } from '../src/tools';
import { callTool, form, method, morePages, people, slackError, slackOk } from './fake-upstream';

interface Found {
  matches: Array<{ id: string; name: string | null }>;
  scanned: number;
  complete: boolean;
  note?: string;
}

const person = (id: string, handle: string, realName: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: handle,
  real_name: realName,
  profile: { real_name: realName, display_name: handle },
  ...extra,
});

describe('find_user', () => {
  const fake = useFakeUpstream();

  it('pages users.list and returns exact name matches before partial ones, skipping bots and deactivated users', async () => {
    const list = method('users.list', (request) =>
      form(request).cursor === undefined
        ? slackOk({ members: [person('U0EGONBOT', 'egon-bot', 'Egon Bot', { is_bot: true }), person('U0EGONX00', 'egonx', 'Egon Xavier')], ...morePages('cGFnZTI=') })
        : slackOk({ members: [people['U024BE7LH'], person('U0GONE000', 'egon', 'Egon Gone', { deleted: true })], ...morePages('') }),
    );
    fake.use(list.handler);
    const result = await callTool('find_user', { query: '@Egon Spengler' });

    expect(list.received.map(form)).toEqual([{ limit: '200' }, { limit: '200', cursor: 'cGFnZTI=' }]);
    const found = resultJson<Found>(result);
    expect(found).toEqual({ matches: [expect.objectContaining({ id: 'U024BE7LH', name: 'spengler', realName: 'Egon Spengler' })], scanned: 4, complete: true });
    structuredContent(result, outputOf(slackTools, 'find_user'));

    const partial = resultJson<Found>(await callTool('find_user', { query: 'egon' }));
    // egonx starts with "egon", Egon Spengler's full name does too; bots and the deactivated account are left out.
    expect(partial.matches.map((user) => user.id)).toEqual(['U0EGONX00', 'U024BE7LH']);
  });

  it('stops at its page bound and says so', async () => {
    const list = method('users.list', (_request, call) => slackOk({ members: [person(`U0PAGE${String(call).padStart(3, '0')}`, `p${call}`, 'Someone')], ...morePages(`c${call}`) }));
    fake.use(list.handler);
    const found = resultJson<Found>(await callTool('find_user', { query: 'peter' }));
    expect(list.received).toHaveLength(10);
    expect(found).toEqual({
      matches: [],
      scanned: 10,
      complete: false,
      note: 'Looked at the first 10 users only (10 pages of 200); more may match: give a more exact name.',
    });
  });

  it('looks an email address up directly, and finds nobody without failing', async () => {
    const lookup = method('users.lookupByEmail', (request) =>
      form(request).email === 'spengler@ghostbusters.example.com' ? slackOk({ user: people['U024BE7LH'] }) : slackError('users_not_found'),
    );
    fake.use(lookup.handler);
    const found = resultJson<Found>(await callTool('find_user', { query: 'spengler@ghostbusters.example.com' }));
    expect(found).toEqual({ matches: [expect.objectContaining({ id: 'U024BE7LH' })], scanned: 1, complete: true });
    expect(resultJson(await callTool('find_user', { query: 'nobody@ghostbusters.example.com' }))).toEqual({ matches: [], scanned: 0, complete: true });
  });

  it('turns a missing users:read.email scope into forbidden naming it', async () => {
    fake.use(method('users.lookupByEmail', () => slackError('missing_scope', { needed: 'users:read.email', provided: 'users:read' })).handler);
    expect(resultError(await callTool('find_user', { query: 'spengler@ghostbusters.example.com' }))).toMatch(
      /^forbidden: Slack answered missing_scope: .* The token needs the users:read\.email scope/,
    );
  });

  it('turns invalid_auth while listing into unauthorized', async () => {
    fake.use(method('users.list', () => slackError('invalid_auth')).handler);
    expect(resultError(await callTool('find_user', { query: 'egon' }))).toBe(
      'unauthorized: Slack answered invalid_auth: the token is not valid. Check SLACK_TOKEN.',
    );
  });
});

describe('find_channel', () => {
  const fake = useFakeUpstream();
  const channel = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, is_channel: true, is_private: false, is_member: false, ...extra });

  it('matches "#ops" exactly first, then names that start with or contain it, across pages', async () => {
    const list = method('conversations.list', (_request, call) =>
      call === 1
        ? slackOk({ channels: [channel('C0OPSALRT', 'ops-alerts'), channel('C0GENERAL', 'general')], ...morePages('bmV4dA==') })
        : slackOk({ channels: [channel('C0DEVOPS0', 'devops'), channel('C0OPS0000', 'ops', { is_member: true, num_members: 12 })] }),
    );
    fake.use(list.handler);
    const result = await callTool('find_channel', { name: '#OPS' });

    expect(list.received.map(form)).toEqual([
      { types: 'public_channel,private_channel', exclude_archived: 'true', limit: '200' },
      { types: 'public_channel,private_channel', exclude_archived: 'true', limit: '200', cursor: 'bmV4dA==' },
    ]);
    const found = resultJson<Found>(result);
    expect(found.matches.map((match) => match.name)).toEqual(['ops', 'ops-alerts', 'devops']);
    expect(found.matches[0]).toEqual({
      id: 'C0OPS0000',
      name: 'ops',
      kind: 'public',
      isPrivate: false,
      isArchived: false,
      isMember: true,
      memberCount: 12,
      topic: null,
      purpose: null,
    });
    expect(found).toMatchObject({ scanned: 4, complete: true });
    structuredContent(result, outputOf(slackTools, 'find_channel'));
  });

  it('answers no matches when no channel has the name, and includes archived ones when asked', async () => {
    const list = method('conversations.list', () => slackOk({ channels: [channel('C0GENERAL', 'general')] }));
    fake.use(list.handler);
    expect(resultJson(await callTool('find_channel', { name: 'ghosts', includeArchived: true }))).toEqual({ matches: [], scanned: 1, complete: true });
    expect(form(list.received[0])).toMatchObject({ exclude_archived: 'false' });
  });

  it('turns a missing groups:read scope into forbidden naming it', async () => {
    fake.use(method('conversations.list', () => slackError('missing_scope', { needed: 'groups:read', provided: 'channels:read' })).handler);
    expect(resultError(await callTool('find_channel', { name: 'ops' }))).toMatch(/^forbidden: Slack answered missing_scope: .* groups:read scope/);
  });
});
