import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { linearApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: linearApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_teams', arguments: {} },
});
