import { isUtf8 } from 'node:buffer';
import { z } from 'zod';
import { defineGithubTool } from '../context';
import { owner, repo } from '../inputs';

/** Text beyond this is cut (and marked) so one file cannot blow the result-size cap. */
const MAX_TEXT_BYTES = 100_000;

export const getFileContents = defineGithubTool({
  name: 'get_file_contents',
  toolset: 'repos',
  title: 'Get file or directory contents',
  description:
    'Reads one path of a repository at a branch, tag or commit. For a file, returns its UTF-8 text with sha ' +
    `and size; text over ${MAX_TEXT_BYTES / 1000} KB is cut with "truncated": true and a marker at the cut, binary ` +
    'files and files over 1 MB come back without content and a note saying why. For a directory, returns its ' +
    'entries (name, path, type, size), at most 1000. Use it to read code or browse a repository tree.',
  input: z.object({
    owner,
    repo,
    path: z
      .string()
      .max(1000)
      .default('')
      .describe('Path inside the repository, e.g. "src/index.ts"; empty for the root directory.'),
    ref: z.string().min(1).max(255).optional().describe('Branch, tag or commit SHA; the default branch when omitted.'),
  }),
  // One object for the four kinds (MCP output schemas are objects): the fields of each kind are set.
  output: z.object({
    type: z.enum(['file', 'dir', 'symlink', 'submodule']),
    path: z.string(),
    sha: z.string().optional(),
    size: z.number().optional().describe('Bytes (files).'),
    content: z.string().nullable().optional().describe('UTF-8 text (files); null for binary or over-1-MB files, see note.'),
    truncated: z.boolean().optional(),
    binary: z.boolean().optional(),
    note: z.string().nullable().optional(),
    entries: z
      .array(z.object({ name: z.string(), path: z.string(), type: z.string(), size: z.number() }))
      .optional()
      .describe('Directory entries (dirs).'),
    target: z.string().optional().describe('Link target (symlinks).'),
    url: z.string().nullable().optional().describe('Git URL of the submodule.'),
    htmlUrl: z.string().nullable().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const path = input.path.replace(/^\/+|\/+$/g, '');
    const { data } = await ctx.octokit.rest.repos.getContent({
      owner: input.owner,
      repo: input.repo,
      path,
      ref: input.ref,
      request: { signal: ctx.signal },
    });
    if (Array.isArray(data)) {
      return {
        type: 'dir',
        path,
        entries: data.map((entry) => ({ name: entry.name, path: entry.path, type: entry.type, size: entry.size })),
      };
    }
    switch (data.type) {
      case 'file':
        return { type: 'file', path: data.path, sha: data.sha, size: data.size, ...fileText(data), htmlUrl: data.html_url };
      case 'symlink':
        return { type: 'symlink', path: data.path, sha: data.sha, target: data.target, htmlUrl: data.html_url };
      case 'submodule':
        return { type: 'submodule', path: data.path, sha: data.sha, url: data.submodule_git_url, htmlUrl: data.html_url };
    }
  },
});

type FileText = { content: string | null; truncated: boolean; binary: boolean; note: string | null };

function fileText(file: { content: string; encoding: string }): FileText {
  // GitHub sends files of 1-100 MB with encoding "none" and no content.
  if (file.encoding !== 'base64') {
    return { content: null, truncated: false, binary: false, note: 'file is over 1 MB; GitHub does not return its content here' };
  }
  const bytes = Buffer.from(file.content, 'base64');
  const text = decodeText(bytes);
  if (text === undefined) {
    return { content: null, truncated: false, binary: true, note: 'binary file; only text files are returned' };
  }
  if (bytes.length <= MAX_TEXT_BYTES) return { content: text, truncated: false, binary: false, note: null };
  // Cut on bytes, then drop a character the cut may have split.
  const head = bytes.subarray(0, MAX_TEXT_BYTES).toString('utf8').replace(/\uFFFD$/, '');
  const note = `truncated: showing the first ${MAX_TEXT_BYTES} of ${bytes.length} bytes`;
  return { content: `${head}\n… [${note}]`, truncated: true, binary: false, note };
}

/** UTF-8 text, or undefined for binary data (a NUL byte early on, as git decides, or invalid UTF-8). */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8000).includes(0) || !isUtf8(bytes)) return undefined;
  return bytes.toString('utf8');
}
