import { blendedPrice } from './model-filters';
import { perMillion } from './model-shapes';
import type { RawModel } from './openrouter-types';

export const PRIORITIES = ['balanced', 'cheapest', 'largest_context', 'newest'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How each priority weighs a candidate's standing among the others (0 worst … 1 best). */
const WEIGHTS: Record<Priority, { price: number; context: number; recency: number; features: number; relevance: number }> = {
  balanced: { price: 0.35, context: 0.2, recency: 0.2, features: 0.1, relevance: 0.15 },
  cheapest: { price: 0.75, context: 0.1, recency: 0.05, features: 0.05, relevance: 0.05 },
  largest_context: { price: 0.15, context: 0.7, recency: 0.05, features: 0.05, relevance: 0.05 },
  newest: { price: 0.15, context: 0.05, recency: 0.7, features: 0.05, relevance: 0.05 },
};

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface Candidate {
  model: RawModel;
  relevance: number;
  features: number;
}

export interface Ranked {
  model: RawModel;
  score: number;
  costPerRequest: number;
  tradeOff: string;
}

/** USD for one request of the given size, or null when the model's price is unknown. */
export function costPerRequest(model: RawModel, usage: Usage): number | null {
  const prompt = perMillion(model.pricing?.prompt);
  const completion = perMillion(model.pricing?.completion);
  if (prompt === null || completion === null) return null;
  return (prompt * usage.promptTokens + completion * usage.completionTokens) / 1e6;
}

/**
 * Ranks candidates by their standing among each other on price, context, recency, notable features
 * and text relevance, weighted by the priority; each gets one line saying what it wins and loses.
 */
export function rankCandidates(candidates: Candidate[], priority: Priority, usage: Usage): Ranked[] {
  const standing = {
    price: percentile(candidates, (c) => -(blendedPrice(c.model) ?? Infinity)),
    context: percentile(candidates, (c) => c.model.context_length ?? 0),
    recency: percentile(candidates, (c) => c.model.created ?? 0),
    features: percentile(candidates, (c) => c.features),
    relevance: percentile(candidates, (c) => c.relevance),
  };
  const weights = WEIGHTS[priority];
  return candidates
    .map((candidate, index) => {
      const ranks = { price: standing.price[index], context: standing.context[index], recency: standing.recency[index], features: standing.features[index] };
      const score = (Object.keys(weights) as (keyof typeof weights)[]).reduce((sum, key) => sum + weights[key] * standing[key][index], 0);
      const cost = costPerRequest(candidate.model, usage) ?? 0;
      return { model: candidate.model, score: Math.round(score * 1000) / 1000, costPerRequest: cost, tradeOff: tradeOff(candidate.model, ranks, cost, candidates.length) };
    })
    .sort((a, b) => b.score - a.score || a.costPerRequest - b.costPerRequest || a.model.id.localeCompare(b.model.id));
}

/** Share of the other candidates each one beats on `value` (ties count half); 1 when alone. */
function percentile(candidates: Candidate[], value: (candidate: Candidate) => number): number[] {
  const values = candidates.map(value);
  if (values.length < 2) return values.map(() => 1);
  return values.map((mine, index) => {
    let beaten = 0;
    values.forEach((other, j) => {
      if (j === index) return;
      if (mine > other) beaten += 1;
      else if (mine === other) beaten += 0.5;
    });
    return beaten / (values.length - 1);
  });
}

const STRENGTH: Record<string, [string, string]> = {
  price: ['cheap', 'pricey'],
  context: ['long context', 'short context'],
  recency: ['recent', 'older'],
  features: ['rich parameter support', 'few notable parameters'],
};

function tradeOff(model: RawModel, ranks: Record<string, number>, cost: number, pool: number): string {
  const prompt = perMillion(model.pricing?.prompt) ?? 0;
  const completion = perMillion(model.pricing?.completion) ?? 0;
  const context = model.context_length ? `${Math.round(model.context_length / 1000)}k context` : 'context unknown';
  const facts = `$${prompt}/$${completion} per M in/out (~$${cost.toPrecision(2)} a request), ${context}`;
  if (pool < 2) return `${facts}; the only candidate.`;
  const pros = Object.keys(STRENGTH).filter((key) => ranks[key] >= 0.67).map((key) => STRENGTH[key][0]);
  const cons = Object.keys(STRENGTH).filter((key) => ranks[key] <= 0.33).map((key) => STRENGTH[key][1]);
  const free = model.id.endsWith(':free') ? ' (free variant: tight rate limits)' : '';
  return `${facts}${free}; ${pros.length ? pros.join(', ') : 'middle of the field'}${cons.length ? `, but ${cons.join(', ')}` : ''}.`;
}
