import type { RawModel } from './openrouter-types';

/** "Did you mean" for an unknown id: models sharing the id's words, or how to find one. */
export function similarIds(id: string, models: RawModel[]): string {
  const words = id.toLowerCase().split(/[/:\-_.\s]+/).filter((word) => word.length > 1);
  const close = models
    .map((model) => ({ id: model.id, hits: words.filter((word) => model.id.toLowerCase().includes(word)).length }))
    .filter(({ hits }) => hits > 0)
    .sort((a, b) => b.hits - a.hits || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((candidate) => candidate.id);
  return close.length ? `Similar ids: ${close.join(', ')}.` : 'Find the id with search_models.';
}
