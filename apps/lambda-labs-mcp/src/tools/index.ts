import type { ToolList } from '@sophia/mcp-base';
import type { LambdaLabsContext } from '../context';
import { getItem } from './item-get.tool';

/** Every lambda-labs-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const lambdaLabsTools: ToolList<LambdaLabsContext> = [
  getItem,
];
