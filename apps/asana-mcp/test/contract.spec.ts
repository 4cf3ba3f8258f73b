import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { asanaApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: asanaApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_workspaces', arguments: {} },
});
