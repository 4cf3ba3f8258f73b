/**
 * Fake GitHub REST API, with the test fixtures' issue and comment shapes:
 * get_issue reads the issue, then its comments.
 */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { comment, issue } from '../../../../apps/github-mcp/test/fixtures/issues';

const issueBody = issue(1347, { comments: 2 });
const commentsBody = [comment(11, 'hubot', 'Me too'), comment(12, 'octocat', 'Fixed in #1348.', '2011-04-15T09:00:00Z')];

export const handlers = [
  http.get('*/repos/:owner/:repo/issues/:number/comments', () => HttpResponse.json(commentsBody)),
  http.get('*/repos/:owner/:repo/issues/:number', () => HttpResponse.json(issueBody)),
];
