/**
 * The fake upstream of each app row, by app name. Loaded lazily (separate chunks), so the fake
 * process loads only the routes, fixtures and helpers of the app it serves.
 */
import type { RequestHandler } from '@sophia/mcp-testing';

type RoutesModule = () => Promise<{ handlers: RequestHandler[] }>;

export const UPSTREAM_ROUTES: Record<string, RoutesModule> = {
  'asana-mcp': () => import('./asana-mcp'),
  'codacy-mcp': () => import('./codacy-mcp'),
  'figma-context-mcp': () => import('./figma-context-mcp'),
  'github-mcp': () => import('./github-mcp'),
  'gong-mcp': () => import('./gong-mcp'),
  'hubspot-mcp': () => import('./hubspot-mcp'),
  'lambda-labs-mcp': () => import('./lambda-labs-mcp'),
  'linear-mcp': () => import('./linear-mcp'),
  'notion-mcp': () => import('./notion-mcp'),
  'openrouter-search-mcp': () => import('./openrouter-search-mcp'),
  'portkey-admin-mcp': () => import('./portkey-admin-mcp'),
  'slack-mcp': () => import('./slack-mcp'),
  'snowflake-mcp': () => import('./snowflake-mcp'),
};
