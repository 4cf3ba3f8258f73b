import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { githubConfigSchema } from './config';
import { createGithubContext } from './context';
import { githubErrorToToolError } from './github-errors';
import { githubTools } from './tools';

export const githubApp = defineMcpApp({
  manifest,
  version: pkg.version,
  tools: githubTools,
  config: githubConfigSchema,
  createContext: (config, deps) => createGithubContext(config, deps, pkg.version),
  mapError: githubErrorToToolError,
});
