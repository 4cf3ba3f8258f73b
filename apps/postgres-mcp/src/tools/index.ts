import type { ToolList } from '@sophia/mcp-base';
import type { PostgresContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every postgres-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const postgresTools: ToolList<PostgresContext> = [
  itemGet,
];
