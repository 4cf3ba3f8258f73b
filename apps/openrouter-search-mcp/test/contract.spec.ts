import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { openrouterSearchApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: openrouterSearchApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'get_key_usage', arguments: {} },
});
