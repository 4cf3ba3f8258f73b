import { HttpResponse, describeUpstreamFaults, http } from '@sophia/mcp-testing';
import { authenticatedUser } from '../test/fake-upstream';
import { comment, issue } from '../test/fixtures/issues';

const token = 'ghp_fault_suite_token_000000';

describeUpstreamFaults({
  app: 'github-mcp',
  env: (url) => ({ GITHUB_TOKEN: token, GITHUB_API_URL: url }),
  handlers: [
    http.get('*/user', () => HttpResponse.json(authenticatedUser)),
    http.get('*/repos/:owner/:repo/issues/:number/comments', () => HttpResponse.json([comment(11, 'hubot', 'Me too')])),
    http.get('*/repos/:owner/:repo/issues/:number', () => HttpResponse.json(issue(1347, { comments: 1 }))),
  ],
  calls: [
    { name: 'get_me', arguments: {} },
    { name: 'get_issue', arguments: { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347 } },
  ],
  secretValues: [token],
});
