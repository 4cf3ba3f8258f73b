import type { ToolList } from '@sophia/mcp-base';
import type { SnowflakeContext } from '../context';
import { askCortexAnalyst } from './cortex-analyst-ask.tool';
import { listDatabases } from './databases-list.tool';
import { describeObject } from './object-describe.tool';
import { listObjects } from './objects-list.tool';
import { cancelQuery } from './query-cancel.tool';
import { runQuery } from './query-run.tool';
import { getQueryStatus } from './query-status-get.tool';
import { listSchemas } from './schemas-list.tool';
import { describeSemanticView } from './semantic-view-describe.tool';
import { querySemanticView } from './semantic-view-query.tool';
import { listSemanticViews } from './semantic-views-list.tool';
import { executeSql } from './sql-execute.tool';

/** Every snowflake-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const snowflakeTools: ToolList<SnowflakeContext> = [
  // catalog
  listDatabases,
  listSchemas,
  listObjects,
  describeObject,
  // query
  runQuery,
  getQueryStatus,
  cancelQuery,
  // semantic
  listSemanticViews,
  describeSemanticView,
  querySemanticView,
  askCortexAnalyst,
  // write
  executeSql,
];
