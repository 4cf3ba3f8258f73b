import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { snowflakeApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: snowflakeApp,
  expectedTools: [
    'item_get',
  ],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'item_get', arguments: { id: 'id-1' } },
});
