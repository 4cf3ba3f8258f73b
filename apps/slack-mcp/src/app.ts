import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { slackConfigSchema } from './config';
import { createSlackContext } from './context';
import { slackErrorToToolError } from './slack-errors';
import { slackTools } from './tools';

export const slackApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: slackTools,
  config: slackConfigSchema,
  createContext: createSlackContext,
  mapError: slackErrorToToolError,
});
