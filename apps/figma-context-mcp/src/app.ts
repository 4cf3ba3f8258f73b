import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { figmaContextConfigSchema } from './config';
import { createFigmaContextContext } from './context';
import { figmaContextTools } from './tools';

export const figmaContextApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: figmaContextTools,
  config: figmaContextConfigSchema,
  createContext: createFigmaContextContext,
});
