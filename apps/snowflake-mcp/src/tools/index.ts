import type { ToolList } from '@sophia/mcp-base';
import type { SnowflakeContext } from '../context';
import { itemGet } from './item-get.tool';

/** Every snowflake-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const snowflakeTools: ToolList<SnowflakeContext> = [
  itemGet,
];
