import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import type { EntityRow, HistoryRow, MemoryRow } from './store';

/** Longest memory text in lists and search results; get_memory returns it whole. */
export const LIST_TEXT_CHARS = 1000;

const iso = (value: Date | string) => new Date(value).toISOString();

/** The one JSON shape of a memory in every result. */
export function compactMemory(row: MemoryRow, maxTextChars?: number) {
  return {
    id: row.id,
    text: maxTextChars === undefined ? row.text : capText(row.text, maxTextChars),
    userId: row.user_id,
    agentId: row.agent_id,
    namespace: row.namespace,
    tags: row.tags,
    metadata: row.metadata,
    entities: row.entities ?? [],
    version: Number(row.version),
    embedded: Boolean(row.has_embedding),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function compactHistory(row: HistoryRow) {
  return {
    version: Number(row.version),
    text: row.text,
    tags: row.tags,
    metadata: row.metadata,
    validFrom: iso(row.valid_from),
    validTo: iso(row.valid_to),
  };
}

export function compactEntity(row: EntityRow) {
  return { name: row.name, type: row.type, memoryCount: Number(row.memory_count) };
}

/** Output schemas of the shapes above (the tools' structuredContent). */
export const memoryOutput = z.object({
  id: z.string(),
  text: z.string().describe('In lists and search results capped, with a marker; get_memory has it whole.'),
  userId: z.string(),
  agentId: z.string().nullable(),
  namespace: z.string(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()),
  entities: z.array(z.object({ name: z.string(), type: z.string() })),
  version: z.number().int(),
  embedded: z.boolean().describe('Whether the memory has a vector for vector search.'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const historyOutput = z.object({
  version: z.number().int(),
  text: z.string(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()),
  validFrom: z.string(),
  validTo: z.string(),
});

export const entityOutput = z.object({
  name: z.string(),
  type: z.string(),
  memoryCount: z.number().int().describe('Memories in scope linked to the entity.'),
});
