import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { aiMemoryConfigSchema } from './config';
import { aiMemoryContextFactory, storeRegistry } from './context';
import { databaseErrorToToolError } from './db-errors';
import { aiMemoryTools } from './tools';

/** The app; `databases` holds the stores its contexts opened (a test may hold one open across runtimes). */
export function createAiMemoryApp() {
  const databases = storeRegistry();
  const app = defineMcpApp({
    manifest,
    version: pkg.version,
    tools: aiMemoryTools,
    config: aiMemoryConfigSchema,
    createContext: aiMemoryContextFactory(databases),
    mapError: databaseErrorToToolError,
  });
  return Object.assign(app, { databases });
}

export const aiMemoryApp = createAiMemoryApp();
