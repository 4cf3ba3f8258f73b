import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { portkeyAdminConfigSchema } from './config';
import { createPortkeyAdminContext } from './context';
import { portkeyAdminTools } from './tools';

export const portkeyAdminApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: portkeyAdminTools,
  config: portkeyAdminConfigSchema,
  createContext: createPortkeyAdminContext,
});
