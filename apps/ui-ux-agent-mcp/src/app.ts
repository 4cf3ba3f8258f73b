import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { uiUxAgentConfigSchema } from './config';
import { createUiUxAgentContext } from './context';
import { uiUxAgentTools } from './tools';

export const uiUxAgentApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: uiUxAgentTools,
  config: uiUxAgentConfigSchema,
  createContext: createUiUxAgentContext,
});
