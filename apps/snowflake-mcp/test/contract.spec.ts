import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: snowflakeApp,
  expectedTools: [
    'list_databases',
    'list_schemas',
    'list_objects',
    'describe_object',
    'run_query',
    'get_query_status',
    'cancel_query',
    'execute_sql',
  ],
  writeTools: ['cancel_query', 'execute_sql'],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'run_query', arguments: { sql: 'SELECT 1' } },
});
