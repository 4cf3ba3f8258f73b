import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { uiUxAgentApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: uiUxAgentApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'check_contrast', arguments: { foreground: '#777777', background: '#ffffff' } },
});
