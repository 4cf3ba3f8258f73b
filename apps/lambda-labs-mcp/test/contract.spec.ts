import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { lambdaLabsApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: lambdaLabsApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_ssh_keys', arguments: {} },
});
