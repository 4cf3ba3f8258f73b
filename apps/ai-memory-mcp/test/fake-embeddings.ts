import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, recordedRoute } from '@sophia/mcp-testing';

/** The fake OpenAI-compatible embeddings API tests point EMBEDDINGS_API_URL at. */
export const EMBEDDINGS_URL = 'https://embeddings.fake/api/v1';
export const EMBEDDINGS_MODEL = 'test/concept-embedding';

/**
 * A deterministic "model": each concept is one axis, and synonyms share it, so vector search
 * finds "puppy" for "dog" where full-text search cannot. Unknown words add nothing.
 */
const CONCEPTS: readonly (readonly string[])[] = [
  ['dog', 'dogs', 'puppy', 'puppies', 'canine', 'hound'],
  ['cat', 'cats', 'kitten', 'feline'],
  ['car', 'cars', 'automobile', 'vehicle', 'sedan'],
  ['coffee', 'espresso', 'latte', 'cappuccino'],
  ['tea', 'matcha', 'chai'],
  ['vegetarian', 'vegan', 'meatless'],
  ['travel', 'trip', 'journey', 'flight', 'vacation'],
  ['morning', 'sunrise', 'breakfast'],
  ['food', 'meal', 'meals', 'dinner'],
];

export function conceptVector(text: string): number[] {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  // A small constant component keeps every vector non-zero (cosine is defined for all).
  return [...CONCEPTS.map((synonyms) => words.filter((word) => synonyms.includes(word)).length), 0.01];
}

/** POST {EMBEDDINGS_URL}/embeddings answered in OpenAI's documented shape; records what we sent. */
export function embeddingsRoute(respond?: (call: number) => Response | undefined) {
  return recordedRoute('post', `${EMBEDDINGS_URL}/embeddings`, (request, call) => {
    const custom = respond?.(call);
    if (custom) return custom;
    const body = request.body as { input: string[] | string; model: string };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    return HttpResponse.json({
      object: 'list',
      data: inputs.map((text, index) => ({ object: 'embedding', embedding: conceptVector(text), index })),
      model: body.model,
      usage: { prompt_tokens: inputs.join(' ').length, total_tokens: inputs.join(' ').length },
    });
  });
}

/** A fresh data directory for one spec file's embedded store. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ai-memory-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `env` (the store's location) plus the fake embeddings API. */
export const withEmbeddings = (env: Record<string, string>) => ({
  ...env,
  EMBEDDINGS_API_URL: EMBEDDINGS_URL,
  EMBEDDINGS_API_KEY: 'test-embeddings-key-000',
  EMBEDDINGS_MODEL: EMBEDDINGS_MODEL,
});
