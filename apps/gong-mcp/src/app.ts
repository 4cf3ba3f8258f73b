import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { gongConfigSchema } from './config';
import { createGongContext } from './context';
import { gongTools } from './tools';

export const gongApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: gongTools,
  config: gongConfigSchema,
  createContext: createGongContext,
});
