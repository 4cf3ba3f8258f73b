import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { openrouterSearchConfigSchema } from './config';
import { createOpenrouterSearchContext } from './context';
import { openrouterSearchTools } from './tools';

export const openrouterSearchApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: openrouterSearchTools,
  config: openrouterSearchConfigSchema,
  createContext: createOpenrouterSearchContext,
});
