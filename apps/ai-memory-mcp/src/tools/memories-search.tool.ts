import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineAiMemoryTool } from '../context';
import { metadata, scopeInput, scopeOf, tags } from '../inputs';
import { RRF_K, reciprocalRankFusion } from '../ranking';
import { LIST_TEXT_CHARS, compactMemory } from '../shapes';

/** How many candidates each ranker contributes before fusion. */
const CANDIDATES = 50;

export const searchMemories = defineAiMemoryTool({
  name: 'search_memories',
  toolset: 'memories',
  title: 'Search memories',
  description:
    'Finds a user\'s memories relevant to a query, best first: use it before answering to recall what is known ' +
    'about the user or a topic. Full-text search (English stemming; web-search syntax: "quoted phrase", OR, ' +
    '-exclude) always; when an embeddings endpoint is configured also vector similarity, fused with reciprocal ' +
    `rank fusion (mode hybrid). Returns up to 50 results (default 10; text capped at ${LIST_TEXT_CHARS} ` +
    'characters) with score, textRank/vectorRank and similarity, plus the mode used. Not paginated: ask for a ' +
    'larger limit or refine the query.',
  input: z.object({
    ...scopeInput,
    query: z.string().trim().min(1).max(1000).describe('What to look for, in natural language or web-search syntax.'),
    mode: z
      .enum(['hybrid', 'text', 'vector'])
      .default('hybrid')
      .describe('hybrid (default): text + vector fused, or text alone when no embeddings endpoint is configured; text or vector: one ranker only.'),
    tags: tags.optional().describe('Only memories carrying all of these tags.'),
    metadata: metadata.optional().describe('Only memories whose metadata contains all of these key/value pairs.'),
    limit: z.number().int().min(1).max(50).default(10).describe('Results to return (1-50, default 10).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async (input, ctx) => {
    if (input.mode === 'vector' && !ctx.embeddings) {
      throw ToolError.invalidInput('mode "vector" needs an embeddings endpoint (EMBEDDINGS_API_URL / EMBEDDINGS_API_KEY); use "text" or "hybrid"');
    }
    const scope = scopeOf(input);
    const useText = input.mode !== 'vector';
    const useVector = input.mode !== 'text' && ctx.embeddings !== undefined;
    const textHits = useText ? await ctx.store.searchText(scope, input, input.query, CANDIDATES) : [];
    const vectorHits =
      useVector && ctx.embeddings
        ? await ctx.store.searchVector(scope, input, await ctx.embeddings.embed(input.query, ctx.signal), CANDIDATES)
        : [];
    const fused = reciprocalRankFusion(
      textHits.map((hit) => hit.id),
      vectorHits.map((hit) => hit.id),
    ).slice(0, input.limit);
    const rows = await ctx.store.getMany(scope, fused.map((hit) => hit.id));
    const similarity = new Map(vectorHits.map((hit) => [hit.id, hit.similarity]));
    return {
      mode: useText && useVector ? 'hybrid' : useVector ? 'vector' : 'text',
      ...(useVector || input.mode === 'text' ? {} : { note: 'vector search is off: no embeddings endpoint is configured' }),
      results: fused.flatMap((hit) => {
        const row = rows.get(hit.id);
        if (!row) return [];
        return [
          {
            score: Number(hit.score.toFixed(6)),
            textRank: hit.textRank,
            vectorRank: hit.vectorRank,
            similarity: similarity.has(hit.id) ? Number(similarity.get(hit.id)?.toFixed(4)) : undefined,
            memory: compactMemory(row, LIST_TEXT_CHARS),
          },
        ];
      }),
      scoring: `reciprocal rank fusion, k=${RRF_K}`,
    };
  },
});
