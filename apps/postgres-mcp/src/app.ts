import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { postgresConfigSchema } from './config';
import { createPostgresContext } from './context';
import { postgresTools } from './tools';

export const postgresApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: postgresTools,
  config: postgresConfigSchema,
  createContext: createPostgresContext,
});
