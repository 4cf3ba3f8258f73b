import { reciprocalRankFusion, type RankedHit } from './ranking';
import type { Embedding, ListFilter, MemoryRow, MemoryStore, Scope } from './store';

/** How many candidates each ranker contributes before fusion. */
export const CANDIDATES = 50;

export interface SearchHit extends RankedHit {
  /** Cosine similarity to the query's embedding, when the vector ranker found the memory. */
  similarity?: number;
  row: MemoryRow;
}

/**
 * One search over a scope: the lexical rankers (full text and trigram) and, given the query's
 * embedding, the vector ranker, fused by reciprocal rank, best `limit` first.
 */
export async function searchScope(
  store: MemoryStore,
  scope: Scope,
  filter: ListFilter,
  request: { query: string; lexical: boolean; embedding?: Embedding; limit: number },
): Promise<SearchHit[]> {
  const { query, lexical, embedding } = request;
  // The vector ranker asks the database first (one lookup of its change counter), so its scan in this
  // process overlaps the lexical queries, which run one at a time on the store's connection (PGlite).
  const vectorHits = embedding ? store.searchVector(scope, filter, embedding, CANDIDATES) : Promise.resolve([]);
  const [text, trigram, vector] = await Promise.all([
    lexical ? store.searchText(scope, filter, query, CANDIDATES) : [],
    lexical ? store.searchSimilar(scope, filter, query, CANDIDATES) : [],
    vectorHits,
  ]);
  const fused = reciprocalRankFusion({
    text: text.map((hit) => hit.id),
    trigram: trigram.map((hit) => hit.id),
    vector: vector.map((hit) => hit.id),
  }).slice(0, request.limit);
  const rows = await store.getMany(scope, fused.map((hit) => hit.id));
  const similarity = new Map(vector.map((hit) => [hit.id, hit.similarity]));
  return fused.flatMap((hit) => {
    const row = rows.get(hit.id);
    return row ? [{ ...hit, similarity: similarity.get(hit.id), row }] : [];
  });
}
