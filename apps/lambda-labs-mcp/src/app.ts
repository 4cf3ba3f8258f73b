import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { lambdaLabsConfigSchema } from './config';
import { createLambdaLabsContext } from './context';
import { lambdaLabsTools } from './tools';

export const lambdaLabsApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: lambdaLabsTools,
  config: lambdaLabsConfigSchema,
  createContext: createLambdaLabsContext,
});
