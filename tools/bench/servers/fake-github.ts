/**
 * Row (c)'s upstream: a fake GitHub REST API on a loopback port, served by
 * serveFakeUpstream (the MSW handlers of the tests, on a real socket) with the test
 * fixtures' issue and comment shapes. get_issue reads the issue, then its comments.
 *
 * Protocol with tools/bench/run.mjs: prints one JSON line {"url": ...} when listening;
 * on SIGTERM prints {"requests": {...}} (counts by route) and exits.
 */
import { HttpResponse, http, serveFakeUpstream } from '@sophia/mcp-testing';
import { comment, issue } from '../../../apps/github-mcp/test/fixtures/issues';

export const ISSUE_NUMBER = 1347;

const issueBody = issue(ISSUE_NUMBER, { comments: 2 });
const commentsBody = [comment(11, 'hubot', 'Me too'), comment(12, 'octocat', 'Fixed in #1348.', '2011-04-15T09:00:00Z')];

async function main(): Promise<void> {
  const fake = await serveFakeUpstream([
    http.get('*/repos/:owner/:repo/issues/:number/comments', () => HttpResponse.json(commentsBody)),
    http.get('*/repos/:owner/:repo/issues/:number', () => HttpResponse.json(issueBody)),
  ]);
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);

  const stop = async () => {
    const counts: Record<string, number> = {};
    for (const { method, path } of fake.requests) {
      const route = `${method} ${path.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/{n}')}`;
      counts[route] = (counts[route] ?? 0) + 1;
    }
    process.stdout.write(`${JSON.stringify({ requests: counts })}\n`);
    await fake.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main();
