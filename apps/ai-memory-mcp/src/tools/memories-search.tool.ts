import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { metadata, scopeInput, scopeOf, tags } from '../inputs';
import { RRF_K } from '../ranking';
import { searchScope } from '../search';
import { LIST_TEXT_CHARS, compactMemory, memoryOutput } from '../shapes';

export const searchMemories = defineAiMemoryTool({
  name: 'search_memories',
  toolset: 'memories',
  title: 'Search memories',
  description:
    'Finds a user\'s memories relevant to a query, best first: use it before answering to recall what is known ' +
    'about the user or a topic; a question in plain words works ("what theme does alice like"). Always full-text ' +
    'search matching any of the words (English stemming; web-search syntax: "quoted phrase", OR, -exclude) and ' +
    'trigram similarity (typos, word variants); when an embeddings endpoint is configured also vector ' +
    'similarity; the rankings fused by reciprocal rank (mode hybrid). Returns up to 50 results (default 10; ' +
    `text capped at ${LIST_TEXT_CHARS} characters) with score, textRank/trigramRank/vectorRank and similarity, ` +
    'plus the mode used. Not paginated: ask for a ' +
    'larger limit or refine the query.',
  input: z.object({
    ...scopeInput,
    query: z.string().trim().min(1).max(1000).describe('What to look for, in natural language or web-search syntax.'),
    mode: z
      .enum(['hybrid', 'text', 'vector'])
      .default('hybrid')
      .describe('hybrid (default): text + vector fused, or text alone when no embeddings endpoint is configured; text: full text and trigram only; vector: vector only.'),
    tags: tags.optional().describe('Only memories carrying all of these tags.'),
    metadata: metadata.optional().describe('Only memories whose metadata contains all of these key/value pairs.'),
    limit: z.number().int().min(1).max(50).default(10).describe('Results to return (1-50, default 10).'),
  }),
  output: z.object({
    mode: z.enum(['hybrid', 'text', 'vector']).describe('The rankers used: text (full text + trigram), vector, or both.'),
    note: z.string().optional(),
    results: z.array(
      z.object({
        score: z.number().describe('Reciprocal rank fusion score; higher is better.'),
        textRank: z.number().int().optional().describe('Rank in the full-text list.'),
        trigramRank: z.number().int().optional().describe('Rank in the trigram-similarity list.'),
        vectorRank: z.number().int().optional().describe('Rank in the vector list.'),
        similarity: z.number().optional().describe('Cosine similarity to the query (vector list only).'),
        memory: memoryOutput,
      }),
    ),
    scoring: z.string(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async (input, ctx) => {
    if (input.mode === 'vector' && !ctx.embeddings) {
      throw ToolError.invalidInput('mode "vector" needs an embeddings endpoint (EMBEDDINGS_API_URL / EMBEDDINGS_API_KEY); use "text" or "hybrid"');
    }
    const useText = input.mode !== 'vector';
    const useVector = input.mode !== 'text' && ctx.embeddings !== undefined;
    const embedding = useVector && ctx.embeddings ? await ctx.embeddings.embed(input.query, ctx.signal) : undefined;
    const hits = await searchScope(ctx.store, scopeOf(input), input, { query: input.query, lexical: useText, embedding, limit: input.limit });
    return {
      mode: useText && useVector ? 'hybrid' : useVector ? 'vector' : 'text',
      ...(useVector || input.mode === 'text' ? {} : { note: 'vector search is off: no embeddings endpoint is configured' }),
      results: hits.map((hit) => ({
        score: Number(hit.score.toFixed(6)),
        textRank: hit.textRank,
        trigramRank: hit.trigramRank,
        vectorRank: hit.vectorRank,
        similarity: hit.similarity === undefined ? undefined : Number(hit.similarity.toFixed(4)),
        memory: compactMemory(hit.row, LIST_TEXT_CHARS),
      })),
      scoring: `reciprocal rank fusion, k=${RRF_K}`,
    };
  },
});
