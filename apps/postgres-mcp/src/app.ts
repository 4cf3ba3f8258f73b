import { defineMcpApp } from '@sophia/mcp-base';
import manifest from '../mcp-server.json';
import pkg from '../package.json';
import { postgresConfigSchema, type AccessMode } from './config';
import { postgresContextFactory } from './context';
import { mapPostgresError } from './postgres-errors';
import { postgresTools } from './tools';

/**
 * The app for one access mode. Annotations are static per tool definition, so the mode picks the
 * tool list: restricted serves a read-only execute_sql, unrestricted one marked destructive.
 */
export function createPostgresApp(mode: AccessMode) {
  return defineMcpApp({
    manifest,
    version: pkg.version,
    tools: postgresTools(mode),
    config: postgresConfigSchema,
    createContext: postgresContextFactory(mode),
    mapError: mapPostgresError,
  });
}

/** The default: POSTGRES_ACCESS_MODE=restricted. */
export const postgresApp = createPostgresApp('restricted');
export const postgresUnrestrictedApp = createPostgresApp('unrestricted');
