import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { codacyConfigSchema } from './config';
import { createCodacyContext } from './context';
import { codacyTools } from './tools';

export const codacyApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: codacyTools,
  config: codacyConfigSchema,
  createContext: createCodacyContext,
});
