import type { ToolList } from '@sophia/mcp-base';
import type { AiMemoryContext } from '../context';
import { listEntities } from './entities-list.tool';
import { deleteAllMemories } from './memories-delete-all.tool';
import { listMemories } from './memories-list.tool';
import { searchMemories } from './memories-search.tool';
import { addMemory } from './memory-add.tool';
import { deleteMemory } from './memory-delete.tool';
import { getMemory } from './memory-get.tool';
import { updateMemory } from './memory-update.tool';

/** Every ai-memory-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const aiMemoryTools: ToolList<AiMemoryContext> = [
  // memories
  searchMemories,
  getMemory,
  listMemories,
  addMemory,
  updateMemory,
  deleteMemory,
  deleteAllMemories,
  // entities
  listEntities,
];
