import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { linearConfigSchema } from './config';
import { createLinearContext } from './context';
import { linearErrorToToolError } from './linear-errors';
import { linearTools } from './tools';

export const linearApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: linearTools,
  config: linearConfigSchema,
  createContext: createLinearContext,
  mapError: linearErrorToToolError,
});
