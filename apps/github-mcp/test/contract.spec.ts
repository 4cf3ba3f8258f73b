import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { githubEnv } from './fake-github';

describeMcpContract({
  app: githubApp,
  expectedTools: ['get_me'],
  configuredEnv: githubEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'get_me', arguments: {} },
});
