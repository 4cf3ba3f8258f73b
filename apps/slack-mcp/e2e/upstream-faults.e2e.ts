import { HttpResponse, describeUpstreamFaults, http } from '@sophia/mcp-testing';

const token = 'xoxp-fault-suite-token-000000';

describeUpstreamFaults({
  app: 'slack-mcp',
  env: (url) => ({ SLACK_TOKEN: token, SLACK_API_URL: `${url}/api/` }),
  handlers: [
    http.post('*/api/users.list', () =>
      HttpResponse.json({ ok: true, members: [{ id: 'U024BE7LH', name: 'spengler', profile: { display_name: 'spengler' } }] }),
    ),
  ],
  // Every Slack method is a POST: list_users is read-only, so its requests are retried like reads.
  calls: [{ name: 'list_users', arguments: {} }],
  secretValues: [token],
});
