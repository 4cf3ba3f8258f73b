import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { nextCursor, pageRequest } from '../paging';
import { searchPageOutput } from '../shapes';

/** Matched fragments per file: enough to judge relevance without fetching the file. */
const MAX_FRAGMENTS = 3;

export const searchCode = defineGithubTool({
  name: 'search_code',
  toolset: 'search',
  title: 'Search code',
  description:
    'Searches file contents across GitHub with code search syntax (e.g. "createMcpHandler repo:owner/name ' +
    'language:ts"); scope it with repo:, org: or user: for useful results. Use it to find where something is ' +
    'defined or used, then read the file with get_file_contents. Returns totalCount and a page of matches ' +
    `(repository, path, sha, up to ${MAX_FRAGMENTS} matching fragments) plus nextCursor. Up to 100 per page; ` +
    'GitHub serves at most the first 1000 results and limits code search to about 10 requests a minute.',
  input: z.object({
    q: z.string().min(1).max(256).describe('GitHub code search query, qualifiers allowed (repo:, org:, path:, language:, extension:).'),
    ...pageInput(),
  }),
  output: searchPageOutput(
    z.object({
      repository: z.string().describe('owner/name.'),
      path: z.string(),
      sha: z.string().describe('Blob SHA of the file.'),
      fragments: z.array(z.string()).describe('Matching snippets of the file.'),
      htmlUrl: z.string(),
    }),
  ),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const page = pageRequest(input);
    const response = await ctx.octokit.rest.search.code({
      q: input.q,
      ...page,
      // The text-match media type adds the matching fragments to each item.
      headers: { accept: 'application/vnd.github.text-match+json' },
      request: { signal: ctx.signal },
    });
    return {
      totalCount: response.data.total_count,
      items: response.data.items.map((item) => ({
        repository: item.repository.full_name,
        path: item.path,
        sha: item.sha,
        fragments: (item.text_matches ?? []).slice(0, MAX_FRAGMENTS).map((match) => match.fragment ?? ''),
        htmlUrl: item.html_url,
      })),
      nextCursor: nextCursor(page, response),
    };
  },
});
