import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { figmaContextApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: figmaContextApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'get_me', arguments: {} },
});
