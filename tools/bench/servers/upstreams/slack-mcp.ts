/**
 * Slack Web API for read_channel: conversations.history with three messages, then the name lookups a
 * call makes (users.info per author, conversations.info for the channel), from the tests' fixtures.
 */
import { http } from '@sophia/mcp-testing';
import { channels, message, people, slackError, slackOk } from '../../../../apps/slack-mcp/test/fake-upstream';

const history = {
  messages: [
    message('1512104434.000490', 'U061F7AUR', 'ping <@U024BE7LH>, the containment unit?', { thread_ts: '1512104434.000490', reply_count: 2 }),
    message('1512085950.000216', 'U024BE7LH', 'Print is dead.'),
    message('1512085900.000100', 'U061F7AUR', 'Back off, man.'),
  ],
  has_more: false,
};

/** The Web API's form-encoded argument `name` of a request. */
async function formField(request: Request, name: string): Promise<string> {
  return new URLSearchParams(await request.text()).get(name) ?? '';
}

export const handlers = [
  http.post('*/conversations.history', () => slackOk(history)),
  http.post('*/users.info', async ({ request }) => {
    const user = people[await formField(request, 'user')];
    return user ? slackOk({ user }) : slackError('user_not_found');
  }),
  http.post('*/conversations.info', async ({ request }) => {
    const channel = channels[await formField(request, 'channel')];
    return channel ? slackOk({ channel }) : slackError('channel_not_found');
  }),
];
