import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, directory, form, method, rateLimited, slackError, slackOk } from './fake-upstream';

describe('chat toolset (writes)', () => {
  const fake = useFakeUpstream();

  describe('post_message', () => {
    it('posts to a channel and names it', async () => {
      const post = method('chat.postMessage', () =>
        slackOk({ channel: 'C1H9RESGL', ts: '1503435956.000247', message: { type: 'message', text: 'Back in 5', user: 'U024BE7LH', ts: '1503435956.000247' } }),
      );
      const names = directory();
      fake.use(post.handler, ...names.handlers);
      const result = await callTool('post_message', { channel: 'C1H9RESGL', text: 'Back in 5' });

      expect(form(post.received[0])).toEqual({ channel: 'C1H9RESGL', text: 'Back in 5', reply_broadcast: 'false' });
      expect(resultJson(result)).toEqual({
        channel: { id: 'C1H9RESGL', name: 'busting' },
        ts: '1503435956.000247',
        time: '2017-08-22T21:05:56.000Z',
        threadTs: null,
      });
    });

    it('replies in a thread with thread_ts, broadcasting when asked', async () => {
      const post = method('chat.postMessage', () => slackOk({ channel: 'C1H9RESGL', ts: '1503435999.000100' }));
      fake.use(post.handler, ...directory().handlers);
      const result = await callTool('post_message', {
        channel: 'C1H9RESGL',
        text: 'on it',
        threadTs: '1503435956.000247',
        replyBroadcast: true,
      });
      expect(form(post.received[0])).toEqual({ channel: 'C1H9RESGL', text: 'on it', thread_ts: '1503435956.000247', reply_broadcast: 'true' });
      expect(resultJson(result)).toMatchObject({ ts: '1503435999.000100', threadTs: '1503435956.000247' });
    });

    it('is sent once: a 5xx is reported, not retried, so nothing is posted twice', async () => {
      const post = method('chat.postMessage', () => new HttpResponse('upstream connect error', { status: 503, statusText: 'Service Unavailable' }));
      fake.use(post.handler);
      expect(resultError(await callTool('post_message', { channel: 'C1H9RESGL', text: 'hi' }))).toBe(
        'upstream_error: Slack failed (HTTP 503): Service Unavailable.',
      );
      expect(post.received).toHaveLength(1);
    });

    it('is sent once: even a short rate limit comes back as rate_limited naming the wait', async () => {
      const post = method('chat.postMessage', () => rateLimited(1));
      fake.use(post.handler);
      expect(resultError(await callTool('post_message', { channel: 'C1H9RESGL', text: 'hi' }))).toBe(
        'rate_limited: Slack rate limit reached (HTTP 429): ratelimited. Retry after 1s.',
      );
      expect(post.received).toHaveLength(1);
    });

    it.each([
      ['not_in_channel', 'forbidden: Slack answered not_in_channel: the app is not a member of this channel; invite it with /invite @app-name.'],
      ['is_archived', 'forbidden: Slack answered is_archived: the channel is archived.'],
    ])('turns %s into forbidden with advice', async (code, expected) => {
      fake.use(method('chat.postMessage', () => slackError(code)).handler);
      expect(resultError(await callTool('post_message', { channel: 'C1H9RESGL', text: 'hi' }))).toBe(expected);
    });
  });

  describe('add_reaction', () => {
    it('adds the reaction, accepting the name with colons', async () => {
      const add = method('reactions.add', () => slackOk());
      fake.use(add.handler);
      const result = await callTool('add_reaction', { channel: 'C1H9RESGL', ts: '1503435956.000247', reaction: ':white_check_mark:' });
      expect(form(add.received[0])).toEqual({ channel: 'C1H9RESGL', timestamp: '1503435956.000247', name: 'white_check_mark' });
      expect(resultJson(result)).toEqual({ channel: 'C1H9RESGL', ts: '1503435956.000247', reaction: 'white_check_mark', added: true });
    });

    it('turns already_reacted into conflict', async () => {
      fake.use(method('reactions.add', () => slackError('already_reacted')).handler);
      expect(resultError(await callTool('add_reaction', { channel: 'C1H9RESGL', ts: '1503435956.000247', reaction: 'eyes' }))).toBe(
        'conflict: Slack answered already_reacted: that reaction is already on the message.',
      );
    });
  });

  describe('schedule_message', () => {
    it('schedules at an ISO time as Unix seconds and returns the scheduled message id', async () => {
      const postAt = Math.floor(Date.now() / 1000) + 3600;
      const schedule = method('chat.scheduleMessage', (request) =>
        slackOk({ channel: 'C1H9RESGL', scheduled_message_id: 'Q1298393284', post_at: Number(form(request).post_at) }),
      );
      fake.use(schedule.handler, ...directory().handlers);
      const result = await callTool('schedule_message', {
        channel: 'C1H9RESGL',
        text: 'stand-up',
        postAt: new Date(postAt * 1000).toISOString(),
        threadTs: '1503435956.000247',
      });
      expect(form(schedule.received[0])).toEqual({ channel: 'C1H9RESGL', text: 'stand-up', post_at: String(postAt), thread_ts: '1503435956.000247' });
      expect(resultJson(result)).toEqual({
        scheduledMessageId: 'Q1298393284',
        channel: { id: 'C1H9RESGL', name: 'busting' },
        postAt: new Date(postAt * 1000).toISOString(),
      });
    });

    it('refuses a time in the past as invalid_input without calling Slack', async () => {
      expect(resultError(await callTool('schedule_message', { channel: 'C1H9RESGL', text: 'late', postAt: '2020-01-01T00:00:00Z' }))).toBe(
        'invalid_input: postAt (2020-01-01T00:00:00Z) is in the past; give a future time',
      );
    });

    it("turns Slack's time_too_far into invalid_input", async () => {
      fake.use(method('chat.scheduleMessage', () => slackError('time_too_far')).handler);
      const far = String(Math.floor(Date.now() / 1000) + 200 * 86_400);
      expect(resultError(await callTool('schedule_message', { channel: 'C1H9RESGL', text: 'much later', postAt: far }))).toBe(
        'invalid_input: Slack answered time_too_far: postAt is more than 120 days ahead.',
      );
    });
  });
});
