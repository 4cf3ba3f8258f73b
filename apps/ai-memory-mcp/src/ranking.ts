/** Reciprocal rank fusion constant (Cormack et al. 2009): damps the weight of the very top ranks. */
export const RRF_K = 60;

export interface RankedHit {
  id: string;
  score: number;
  /** 1-based rank in each list the memory appeared in. */
  textRank?: number;
  vectorRank?: number;
}

/**
 * Fuses ranked id lists: score = Σ 1 / (RRF_K + rank). Scores of different lists are not
 * comparable (ts_rank_cd vs cosine), ranks are; a memory found by both rises above one found
 * by either alone. Ties keep the text order, then the vector order.
 */
export function reciprocalRankFusion(textIds: readonly string[], vectorIds: readonly string[]): RankedHit[] {
  const hits = new Map<string, RankedHit>();
  const add = (ids: readonly string[], key: 'textRank' | 'vectorRank') =>
    ids.forEach((id, index) => {
      const hit = hits.get(id) ?? { id, score: 0 };
      hit[key] = index + 1;
      hit.score += 1 / (RRF_K + index + 1);
      hits.set(id, hit);
    });
  add(textIds, 'textRank');
  add(vectorIds, 'vectorRank');
  return [...hits.values()].sort((a, b) => b.score - a.score);
}
