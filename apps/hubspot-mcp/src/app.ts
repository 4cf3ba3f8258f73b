import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { hubspotConfigSchema } from './config';
import { createHubspotContext } from './context';
import { hubspotTools } from './tools';

export const hubspotApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: hubspotTools,
  config: hubspotConfigSchema,
  createContext: createHubspotContext,
});
