import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: snowflakeApp,
  // Cortex Analyst on, so ask_cortex_analyst is listed and snapshotted too.
  configuredEnv: { ...configuredEnv, SNOWFLAKE_CORTEX_ANALYST: 'true' },
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'run_query', arguments: { sql: 'SELECT 1' } },
});
