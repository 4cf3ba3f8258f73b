import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { hubspotApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: hubspotApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_owners', arguments: {} },
});
