/** Reciprocal rank fusion constant (Cormack et al. 2009): damps the weight of the very top ranks. */
export const RRF_K = 60;

/** The rankers, in tie-break order: full text, then trigram similarity, then vector similarity. */
export const RANKERS = ['text', 'trigram', 'vector'] as const;
export type Ranker = (typeof RANKERS)[number];

export interface RankedHit {
  id: string;
  score: number;
  /** 1-based rank in each list the memory appeared in. */
  textRank?: number;
  trigramRank?: number;
  vectorRank?: number;
}

/**
 * Fuses ranked id lists: score = Σ 1 / (RRF_K + rank). Scores of different lists are not
 * comparable (ts_rank_cd, word similarity, cosine), ranks are; a memory found by several rankers
 * rises above one found by one alone. Ties keep the order of RANKERS.
 */
export function reciprocalRankFusion(lists: Partial<Record<Ranker, readonly string[]>>): RankedHit[] {
  const hits = new Map<string, RankedHit>();
  for (const ranker of RANKERS) {
    lists[ranker]?.forEach((id, index) => {
      const hit = hits.get(id) ?? { id, score: 0 };
      hit[`${ranker}Rank`] = index + 1;
      hit.score += 1 / (RRF_K + index + 1);
      hits.set(id, hit);
    });
  }
  return [...hits.values()].sort((a, b) => b.score - a.score);
}
