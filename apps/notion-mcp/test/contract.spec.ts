import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { notionApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: notionApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'search', arguments: { query: 'roadmap' } },
});
