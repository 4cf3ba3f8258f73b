import type { ToolList, WritePolicy } from '@sophia/mcp-base';
import { accessMode, type PostgresConfig } from '../config';
import type { PostgresContext } from '../context';
import { topQueries } from './queries-top.tool';
import { dbHealth } from './health-check.tool';
import { describeObject } from './object-describe.tool';
import { listObjects } from './objects-list.tool';
import { explainQueryAnalyze, explainQueryReadOnly } from './query-explain.tool';
import { listSchemas } from './schemas-list.tool';
import { executeSqlReadOnly, executeSqlReadWrite } from './sql-execute.tool';

// The access mode (resolved after the Pulumi ESC merge) picks the variant of the two tools whose
// annotations depend on it: execute_sql (destructive when unrestricted) and explain_query.
const restrictedOnly = (config: PostgresConfig, policy: WritePolicy) => accessMode(config, policy) === 'restricted';
const unrestrictedOnly = (config: PostgresConfig, policy: WritePolicy) => accessMode(config, policy) === 'unrestricted';

/** Every postgres-mcp tool, grouped by toolset. */
export const postgresTools: ToolList<PostgresContext> = [
  // schema
  listSchemas,
  listObjects,
  describeObject,
  // query
  { ...executeSqlReadOnly, enabled: restrictedOnly },
  { ...executeSqlReadWrite, enabled: unrestrictedOnly },
  { ...explainQueryReadOnly, enabled: restrictedOnly },
  { ...explainQueryAnalyze, enabled: unrestrictedOnly },
  // health
  topQueries,
  dbHealth,
];
