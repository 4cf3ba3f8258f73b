import { connectInMemory, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';
import { botEnv, callTool, directory, form, method, morePages, slackError, slackOk } from './fake-upstream';

/** search.messages as documented (trimmed): matches with their channel, user and permalink. */
const searchAnswer = {
  query: 'containment',
  messages: {
    total: 42,
    matches: [
      {
        iid: 'cb64bdaa-c1e8-4631-8a91-0f78080113e9',
        type: 'message',
        ts: '1512104434.000490',
        user: 'U061F7AUR',
        username: 'venkman',
        text: 'ping <@U024BE7LH>, the containment unit?',
        channel: { id: 'C1H9RESGL', name: 'busting', is_channel: true, is_private: false, is_im: false },
        permalink: 'https://ghostbusters.slack.com/archives/C1H9RESGL/p1512104434000490',
      },
      {
        type: 'message',
        ts: '1512085950.000216',
        user: 'U024BE7LH',
        username: 'spengler',
        text: 'containment is holding',
        channel: { id: 'D0C0F7S8Y', name: 'U024BE7LH', is_im: true },
        permalink: 'https://ghostbusters.slack.com/archives/D0C0F7S8Y/p1512085950000216',
      },
    ],
    pagination: { total_count: 42, page: 1, per_page: 2, page_count: 21, first: 1, last: 2 },
    paging: { count: 2, total: 42, page: 1, pages: 21 },
  },
};

describe('search_messages', () => {
  const fake = useFakeUpstream();

  it('searches with a user token, starting with cursor "*", and names channels, authors and mentions', async () => {
    const search = method('search.messages', () => slackOk({ ...searchAnswer, ...morePages('KDI4MzY=') }));
    const names = directory();
    fake.use(search.handler, ...names.handlers);
    const result = await callTool('search_messages', { query: 'containment in:#busting', sort: 'timestamp', sortDir: 'asc', limit: 2 });

    expect(form(search.received[0])).toEqual({ query: 'containment in:#busting', sort: 'timestamp', sort_dir: 'asc', count: '2', cursor: '*' });
    expect(resultJson(result)).toEqual({
      total: 42,
      matches: [
        {
          channel: { id: 'C1H9RESGL', name: 'busting' },
          ts: '1512104434.000490',
          time: '2017-12-01T05:00:34.000Z',
          user: 'U061F7AUR',
          userName: 'Peter Venkman',
          text: 'ping @spengler, the containment unit?',
          permalink: 'https://ghostbusters.slack.com/archives/C1H9RESGL/p1512104434000490',
        },
        {
          channel: { id: 'D0C0F7S8Y', name: '@spengler' },
          ts: '1512085950.000216',
          time: '2017-11-30T23:52:30.000Z',
          user: 'U024BE7LH',
          userName: 'spengler',
          text: 'containment is holding',
          permalink: 'https://ghostbusters.slack.com/archives/D0C0F7S8Y/p1512085950000216',
        },
      ],
      nextCursor: 'KDI4MzY=',
    });
    // Only the direct message needed a channel lookup; spengler was looked up once for both uses.
    expect(names.conversations.received.map((request) => form(request).channel)).toEqual(['D0C0F7S8Y']);
    expect(names.users.received.map((request) => form(request).user).sort()).toEqual(['U024BE7LH', 'U061F7AUR']);
  });

  it('passes nextCursor back to Slack for the next page', async () => {
    const search = method('search.messages', () => slackOk({ query: 'x', messages: { total: 0, matches: [] } }));
    fake.use(search.handler);
    expect(resultJson(await callTool('search_messages', { query: 'x', cursor: 'KDI4MzY=' }))).toEqual({ total: 0, matches: [] });
    expect(form(search.received[0])).toMatchObject({ cursor: 'KDI4MzY=', count: '20', sort: 'score', sort_dir: 'desc' });
  });

  it('is not offered with a bot token (Slack refuses search to bots), so no call reaches Slack', async () => {
    // No route: a request would be unmatched and fail the test.
    const { client, close } = await connectInMemory(slackApp, { env: botEnv });
    const { tools } = await client.listTools();
    await expect(client.callTool({ name: 'search_messages', arguments: { query: 'containment' } })).rejects.toThrow(
      'Tool search_messages not found',
    );
    await close();
    expect(tools.map((tool) => tool.name)).not.toContain('search_messages');
    expect(tools.map((tool) => tool.name)).toContain('read_channel');
  });

  it("names the scope when Slack answers missing_scope", async () => {
    fake.use(method('search.messages', () => slackError('missing_scope', { needed: 'search:read', provided: 'channels:history,users:read' })).handler);
    expect(resultError(await callTool('search_messages', { query: 'containment' }))).toBe(
      'forbidden: Slack answered missing_scope: the token lacks a scope this method needs. The token needs the search:read ' +
        'scope (it has: channels:history,users:read); add it to the Slack app and reinstall it.',
    );
  });
});
