import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { portkeyAdminApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: portkeyAdminApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_workspaces', arguments: {} },
});
