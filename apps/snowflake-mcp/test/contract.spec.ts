import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: snowflakeApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'run_query', arguments: { sql: 'SELECT 1' } },
});
