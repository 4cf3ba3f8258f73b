import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { asanaConfigSchema } from './config';
import { createAsanaContext } from './context';
import { asanaTools } from './tools';

export const asanaApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: asanaTools,
  config: asanaConfigSchema,
  createContext: createAsanaContext,
});
