import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { notionConfigSchema } from './config';
import { createNotionContext } from './context';
import { notionErrorToToolError } from './notion-errors';
import { notionTools } from './tools';

export const notionApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: notionTools,
  config: notionConfigSchema,
  createContext: createNotionContext,
  mapError: notionErrorToToolError,
});
