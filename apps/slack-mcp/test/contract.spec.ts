import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: slackApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_users', arguments: {} },
});
