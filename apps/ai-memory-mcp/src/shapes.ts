import { capText } from '@sophia/mcp-base';
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
