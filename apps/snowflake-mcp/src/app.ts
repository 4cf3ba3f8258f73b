import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { snowflakeConfigSchema } from './config';
import { createSnowflakeContext } from './context';
import { snowflakeTools } from './tools';

export const snowflakeApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: snowflakeTools,
  config: snowflakeConfigSchema,
  createContext: createSnowflakeContext,
});
