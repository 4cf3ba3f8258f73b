import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { openrouterSearchConfigSchema } from './config';
import { contextFactory, type ContextOptions } from './context';
import { openrouterSearchTools } from './tools';

/** The app; tests pass a clock to move the catalogue's TTL without sleeping. */
export function createOpenrouterSearchApp(options: ContextOptions = {}) {
  return defineMcpApp({
    manifest,
    version: pkg.version,
    tools: openrouterSearchTools,
    config: openrouterSearchConfigSchema,
    createContext: contextFactory(options),
  });
}

export const openrouterSearchApp = createOpenrouterSearchApp();
