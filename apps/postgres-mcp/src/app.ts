import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { postgresConfigSchema } from './config';
import { databaseRegistry, postgresContextFactory } from './context';
import { mapPostgresError } from './postgres-errors';
import { postgresTools } from './tools';

/**
 * One app for both access modes: POSTGRES_ACCESS_MODE picks the tool variants inside the runtime.
 * `databases` holds what its contexts opened; a test may hold one open across many runtimes.
 */
export function createPostgresApp() {
  const databases = databaseRegistry();
  const app = defineMcpApp({
    manifest,
    version: pkg.version,
    tools: postgresTools,
    config: postgresConfigSchema,
    createContext: postgresContextFactory(databases),
    mapError: mapPostgresError,
  });
  return Object.assign(app, { databases });
}

export const postgresApp = createPostgresApp();
