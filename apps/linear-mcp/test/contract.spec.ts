import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { linearApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: linearApp,
  expectedTools: [
    'item_get',
  ],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'item_get', arguments: { id: 'id-1' } },
});
