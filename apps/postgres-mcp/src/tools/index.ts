import type { ToolList } from '@sophia/mcp-base';
import type { AccessMode } from '../config';
import type { PostgresContext } from '../context';
import { topQueries } from './queries-top.tool';
import { dbHealth } from './health-check.tool';
import { describeObject } from './object-describe.tool';
import { listObjects } from './objects-list.tool';
import { explainQueryAnalyze, explainQueryReadOnly } from './query-explain.tool';
import { listSchemas } from './schemas-list.tool';
import { executeSqlReadOnly, executeSqlReadWrite } from './sql-execute.tool';

/**
 * Every postgres-mcp tool, grouped by toolset. The access mode picks the variant of the two tools
 * whose annotations depend on it: execute_sql (destructive when unrestricted) and explain_query.
 */
export function postgresTools(mode: AccessMode): ToolList<PostgresContext> {
  const unrestricted = mode === 'unrestricted';
  return [
    // schema
    listSchemas,
    listObjects,
    describeObject,
    // query
    unrestricted ? executeSqlReadWrite : executeSqlReadOnly,
    unrestricted ? explainQueryAnalyze : explainQueryReadOnly,
    // health
    topQueries,
    dbHealth,
  ];
}
