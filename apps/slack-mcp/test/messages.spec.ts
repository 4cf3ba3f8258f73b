import { HttpResponse, outputOf, resultError, resultJson, servedTools, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { slackTools } from '../src/tools';
import { slackApp } from '../src/app';
import { callTool, configuredEnv, destructiveEnv, directory, form, message, method, slackError, slackOk } from './fake-upstream';

const LINK = 'https://ghostbusters.slack.com/archives/C1H9RESGL/p1512085950000216';
const REPLY_LINK = 'https://ghostbusters.slack.com/archives/C1H9RESGL/p1512104500000100?thread_ts=1512104434.000490&cid=C1H9RESGL';

describe('get_message', () => {
  const fake = useFakeUpstream();

  it('reads a channel message at exactly its ts through conversations.history', async () => {
    const history = method('conversations.history', () =>
      slackOk({ messages: [message('1512085950.000216', 'U024BE7LH', 'Who you gonna call?', { reply_count: 2, thread_ts: '1512085950.000216' })] }),
    );
    fake.use(history.handler, ...directory().handlers);
    const result = await callTool('get_message', { permalink: LINK });

    expect(form(history.received[0])).toEqual({
      channel: 'C1H9RESGL',
      oldest: '1512085950.000216',
      latest: '1512085950.000216',
      inclusive: 'true',
      limit: '1',
    });
    expect(resultJson(result)).toEqual({
      channel: { id: 'C1H9RESGL', name: 'busting' },
      message: {
        ts: '1512085950.000216',
        time: '2017-11-30T23:52:30.000Z',
        user: 'U024BE7LH',
        userName: 'spengler',
        text: 'Who you gonna call?',
        threadTs: '1512085950.000216',
        replyCount: 2,
      },
    });
    structuredContent(result, outputOf(slackTools, 'get_message'));
  });

  it('reads a thread reply through conversations.replies, picking it out after the parent', async () => {
    const replies = method('conversations.replies', () =>
      slackOk({
        messages: [
          message('1512104434.000490', 'U061F7AUR', 'containment unit?', { thread_ts: '1512104434.000490', reply_count: 1 }),
          message('1512104500.000100', 'U024BE7LH', 'holding', { thread_ts: '1512104434.000490' }),
        ],
      }),
    );
    fake.use(replies.handler, ...directory().handlers);
    const result = resultJson<{ message: { ts: string; text: string } }>(await callTool('get_message', { permalink: REPLY_LINK }));

    expect(form(replies.received[0])).toEqual({
      channel: 'C1H9RESGL',
      ts: '1512104434.000490',
      oldest: '1512104500.000100',
      latest: '1512104500.000100',
      inclusive: 'true',
      limit: '2',
    });
    expect(result.message).toMatchObject({ ts: '1512104500.000100', text: 'holding' });
  });

  it('answers not_found when no message is at that ts (deleted)', async () => {
    fake.use(method('conversations.history', () => slackOk({ messages: [] })).handler);
    expect(resultError(await callTool('get_message', { permalink: LINK }))).toBe(
      'not_found: no message at 1512085950.000216 in channel C1H9RESGL: it was deleted, or the link is not to a message',
    );
  });

  it.each([
    ['channel_not_found', /^not_found: Slack answered channel_not_found/],
    ['not_in_channel', /^forbidden: Slack answered not_in_channel/],
  ])('turns %s into the matching kind', async (code, expected) => {
    fake.use(method('conversations.history', () => slackError(code)).handler);
    expect(resultError(await callTool('get_message', { permalink: LINK }))).toMatch(expected);
  });

  it.each([
    ['another host', 'https://ghostbusters.example.com/archives/C1H9RESGL/p1512085950000216'],
    ['a channel link', 'https://ghostbusters.slack.com/archives/C1H9RESGL'],
    ['plain http', 'http://ghostbusters.slack.com/archives/C1H9RESGL/p1512085950000216'],
    ['a bad thread_ts', `${LINK}?thread_ts=yesterday`],
    ['not a URL', 'C1H9RESGL/p1512085950000216'],
  ])('refuses %s as invalid_input without calling Slack', async (_label, permalink) => {
    expect(resultError(await callTool('get_message', { permalink }))).toMatch(/^invalid_input: permalink is not a Slack message link/);
  });
});

describe('update_message and delete_message: the write policy', () => {
  it('update_message is served by default, delete_message only with MCP_ALLOW_DESTRUCTIVE=true, neither read-only', async () => {
    const byDefault = await servedTools(slackApp, configuredEnv);
    expect(byDefault).toContain('update_message');
    expect(byDefault).not.toContain('delete_message');
    expect(await servedTools(slackApp, destructiveEnv)).toEqual(expect.arrayContaining(['update_message', 'delete_message']));
    const readOnly = await servedTools(slackApp, { ...destructiveEnv, MCP_READ_ONLY: 'true' });
    expect(readOnly).not.toContain('update_message');
    expect(readOnly).not.toContain('delete_message');
  });

  it.each([
    ['update_message', { channel: 'C1H9RESGL', ts: '1512085950.000216', text: 'x' }],
    ['delete_message', { channel: 'C1H9RESGL', ts: '1512085950.000216' }],
  ])('%s cannot be called in read-only mode: the server does not know it', async (tool, args) => {
    await expect(callTool(tool, args, { ...destructiveEnv, MCP_READ_ONLY: 'true' })).rejects.toThrow(`Tool ${tool} not found`);
  });
});

describe('update_message', () => {
  const fake = useFakeUpstream();
  const args = { channel: 'C1H9RESGL', ts: '1512085950.000216', text: 'Who you gonna call? *Ghostbusters*' };

  it('replaces the text of the message with chat.update', async () => {
    const update = method('chat.update', () => slackOk({ channel: 'C1H9RESGL', ts: '1512085950.000216', text: args.text }));
    fake.use(update.handler, ...directory().handlers);
    const result = await callTool('update_message', args);

    expect(update.received.map(form)).toEqual([{ channel: 'C1H9RESGL', ts: '1512085950.000216', text: args.text }]);
    expect(resultJson(result)).toEqual({ channel: { id: 'C1H9RESGL', name: 'busting' }, ts: '1512085950.000216', updated: true });
    structuredContent(result, outputOf(slackTools, 'update_message'));
  });

  it('is sent once: a 5xx is reported, not retried', async () => {
    const update = method('chat.update', () => new HttpResponse('upstream connect error', { status: 503, statusText: 'Service Unavailable' }));
    fake.use(update.handler);
    expect(resultError(await callTool('update_message', args))).toBe('upstream_error: Slack failed (HTTP 503): Service Unavailable.');
    expect(update.received).toHaveLength(1);
  });

  it.each([
    ['cant_update_message', 'forbidden: Slack answered cant_update_message: only the token’s own messages can be edited (a bot token: the bot’s messages).'],
    ['edit_window_closed', 'forbidden: Slack answered edit_window_closed: the workspace no longer allows editing this message.'],
    ['message_not_found', 'not_found: Slack answered message_not_found: no message with that ts in this channel.'],
  ])('turns %s into a clear error', async (code, expected) => {
    fake.use(method('chat.update', () => slackError(code)).handler);
    expect(resultError(await callTool('update_message', args))).toBe(expected);
  });
});

describe('delete_message', () => {
  const fake = useFakeUpstream();
  const args = { channel: 'C1H9RESGL', ts: '1512085950.000216' };

  it('deletes the message with chat.delete', async () => {
    const remove = method('chat.delete', () => slackOk({ channel: 'C1H9RESGL', ts: '1512085950.000216' }));
    fake.use(remove.handler, ...directory().handlers);
    const result = await callTool('delete_message', args, destructiveEnv);

    expect(remove.received.map(form)).toEqual([args]);
    expect(resultJson(result)).toEqual({ channel: { id: 'C1H9RESGL', name: 'busting' }, ts: '1512085950.000216', deleted: true });
    structuredContent(result, outputOf(slackTools, 'delete_message'));
  });

  it('is sent once: a 5xx is reported, not retried', async () => {
    const remove = method('chat.delete', () => new HttpResponse('upstream connect error', { status: 502, statusText: 'Bad Gateway' }));
    fake.use(remove.handler);
    expect(resultError(await callTool('delete_message', args, destructiveEnv))).toBe('upstream_error: Slack failed (HTTP 502): Bad Gateway.');
    expect(remove.received).toHaveLength(1);
  });

  it.each([
    ['cant_delete_message', 'forbidden: Slack answered cant_delete_message: only the token’s own messages can be deleted (a bot token: the bot’s messages).'],
    ['message_not_found', 'not_found: Slack answered message_not_found: no message with that ts in this channel.'],
  ])('turns %s into a clear error', async (code, expected) => {
    fake.use(method('chat.delete', () => slackError(code)).handler);
    expect(resultError(await callTool('delete_message', args, destructiveEnv))).toBe(expected);
  });
});
