import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { codacyApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: codacyApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_organizations', arguments: {} },
});
