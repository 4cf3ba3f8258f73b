import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: githubApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'get_me', arguments: {} },
});
