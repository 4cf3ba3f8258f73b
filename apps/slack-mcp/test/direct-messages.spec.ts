import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { slackTools } from '../src/tools';
import { callTool, directory, form, method, morePages, slackError, slackOk } from './fake-upstream';

/** conversations.list entries for types=im,mpim as Slack documents them (trimmed). */
const im = { id: 'D0C0F7S8Y', created: 1498500348, is_im: true, is_org_shared: false, user: 'U024BE7LH', is_user_deleted: false, priority: 0 };
const mpim = {
  id: 'G0AKFJBEU',
  name: 'mpdm-spengler--venkman--stantz-1',
  is_channel: false,
  is_group: true,
  is_im: false,
  is_mpim: true,
  is_private: true,
  is_archived: false,
  num_members: 3,
  topic: { value: '' },
  purpose: { value: 'Group messaging with: @spengler @venkman @stantz' },
};

describe('list_channels with direct and group messages', () => {
  const fake = useFakeUpstream();

  it('asks for im and mpim, names a direct message after the other person and pages on', async () => {
    const list = method('conversations.list', () => slackOk({ channels: [im, mpim], ...morePages('ZGlyZWN0') }));
    const names = directory();
    fake.use(list.handler, ...names.handlers);
    const result = await callTool('list_channels', { types: ['im', 'mpim'], limit: 2 });

    expect(form(list.received[0])).toEqual({ types: 'im,mpim', exclude_archived: 'true', limit: '2' });
    expect(resultJson(result)).toEqual({
      channels: [
        {
          id: 'D0C0F7S8Y',
          name: '@spengler',
          kind: 'im',
          isPrivate: true,
          isArchived: false,
          isMember: true,
          memberCount: null,
          topic: null,
          purpose: null,
          user: 'U024BE7LH',
        },
        {
          id: 'G0AKFJBEU',
          name: 'mpdm-spengler--venkman--stantz-1',
          kind: 'mpim',
          isPrivate: true,
          isArchived: false,
          isMember: true,
          memberCount: 3,
          topic: null,
          purpose: 'Group messaging with: @spengler @venkman @stantz',
        },
      ],
      nextCursor: 'ZGlyZWN0',
    });
    structuredContent(result, outputOf(slackTools, 'list_channels'));
    // One lookup for the one direct message.
    expect(names.users.received.map((request) => form(request).user)).toEqual(['U024BE7LH']);
  });

  it('sends the cursor for the next page', async () => {
    const list = method('conversations.list', () => slackOk({ channels: [im], ...morePages('') }));
    fake.use(list.handler, ...directory().handlers);
    const page = resultJson<Record<string, unknown>>(await callTool('list_channels', { types: ['im'], cursor: 'ZGlyZWN0' }));
    expect(form(list.received[0])).toMatchObject({ types: 'im', cursor: 'ZGlyZWN0' });
    expect(page).not.toHaveProperty('nextCursor');
  });

  it('turns a missing im:read scope into forbidden naming it', async () => {
    fake.use(method('conversations.list', () => slackError('missing_scope', { needed: 'im:read', provided: 'channels:read' })).handler);
    expect(resultError(await callTool('list_channels', { types: ['im'] }))).toBe(
      'forbidden: Slack answered missing_scope: the token lacks a scope this method needs. The token needs the im:read scope ' +
        '(it has: channels:read); add it to the Slack app and reinstall it.',
    );
  });
});
