import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: aiMemoryApp,
  expectedTools: [
    'item_get',
  ],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'item_get', arguments: { id: 'id-1' } },
});
