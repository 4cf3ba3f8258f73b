import { listPageOutput, pageInput, pageOfList, type ToolContext } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool, type GithubContext } from '../context';
import { owner, pullNumber, repo } from '../inputs';
import { commentOutput, compactComment, type CommentLike } from '../shapes';

/** Review comments read per call (3 pages): threads are only whole when all their comments are read. */
const MAX_COMMENTS = 300;
/** A thread shows the end of its diff hunk: the commented line is its last. */
const HUNK_TAIL_LINES = 12;

const threadOutput = z.object({
  id: z.number().describe('Id of the thread\'s first comment.'),
  path: z.string(),
  line: z.number().nullable().describe('Line in the file the thread is on (in the original diff when outdated).'),
  startLine: z.number().nullable().describe('First line of a multi-line comment.'),
  side: z.string().nullable().describe('RIGHT (the new code) or LEFT (the old code).'),
  outdated: z.boolean().describe('The code changed since: the thread no longer points at the current diff.'),
  diffHunk: z.string().describe(`The last ${HUNK_TAIL_LINES} lines of the diff hunk the thread is on.`),
  comments: z.array(commentOutput),
});

export const listPullRequestReviewComments = defineGithubTool({
  name: 'list_pull_request_review_comments',
  toolset: 'pull_requests',
  title: 'List a pull request\'s review comment threads',
  description:
    'Lists the review comments on the lines of a pull request as threads, oldest first: file path, line, side, ' +
    'whether the thread is outdated, the end of the diff hunk it is on, and its comments in order (author, body cut ' +
    `at 4000 characters, time). Use it to address review feedback. Reads up to ${MAX_COMMENTS} comments (incomplete ` +
    'says when there are more); threads are paged (default 20, up to 100) with nextCursor. GitHub\'s REST API does ' +
    'not say whether a thread is resolved.',
  input: z.object({ owner, repo, pullNumber, ...pageInput({ defaultLimit: 20 }) }),
  output: listPageOutput(threadOutput).extend({
    incomplete: z.boolean().describe(`More than ${MAX_COMMENTS} review comments exist; later ones are not shown.`),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { comments, incomplete } = await readReviewComments(input, ctx);
    return { ...pageOfList(groupIntoThreads(comments), input.cursor, input.limit), incomplete };
  },
});

interface ReviewComment extends CommentLike {
  in_reply_to_id?: number;
  path: string;
  diff_hunk: string;
  line?: number | null;
  original_line?: number | null;
  start_line?: number | null;
  original_start_line?: number | null;
  side?: string | null;
  subject_type?: string;
}

async function readReviewComments(
  target: { owner: string; repo: string; pullNumber: number },
  ctx: ToolContext<GithubContext>,
): Promise<{ comments: ReviewComment[]; incomplete: boolean }> {
  const comments: ReviewComment[] = [];
  for (let page = 1; comments.length < MAX_COMMENTS; page++) {
    const response = await ctx.octokit.rest.pulls.listReviewComments({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      sort: 'created',
      direction: 'asc',
      per_page: 100,
      page,
      request: { signal: ctx.signal },
    });
    comments.push(...response.data);
    if (!/rel="next"/.test(response.headers.link ?? '')) return { comments, incomplete: false };
  }
  return { comments, incomplete: true };
}

/** Replies point at their thread's first comment (in_reply_to_id); threads keep the order they began in. */
function groupIntoThreads(comments: readonly ReviewComment[]): Array<z.output<typeof threadOutput>> {
  const threads = new Map<number, { root: ReviewComment; comments: ReviewComment[] }>();
  for (const comment of comments) {
    const rootId = comment.in_reply_to_id ?? comment.id;
    const thread = threads.get(rootId);
    if (thread) thread.comments.push(comment);
    else threads.set(rootId, { root: comment, comments: [comment] });
  }
  return [...threads.entries()].map(([id, { root, comments: replies }]) => ({
    id,
    path: root.path,
    line: root.line ?? root.original_line ?? null,
    startLine: root.start_line ?? root.original_start_line ?? null,
    side: root.side ?? null,
    // A comment on a whole file has no line either; only a line comment without one is outdated.
    outdated: root.subject_type !== 'file' && (root.line === null || root.line === undefined),
    diffHunk: root.diff_hunk.split('\n').slice(-HUNK_TAIL_LINES).join('\n'),
    comments: replies.map(compactComment),
  }));
}
