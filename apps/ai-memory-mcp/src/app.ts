import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { aiMemoryConfigSchema } from './config';
import { createAiMemoryContext } from './context';
import { databaseErrorToToolError } from './db-errors';
import { aiMemoryTools } from './tools';

export const aiMemoryApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: aiMemoryTools,
  config: aiMemoryConfigSchema,
  createContext: createAiMemoryContext,
  mapError: databaseErrorToToolError,
});
