import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { gongApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: gongApp,
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'get_call', arguments: { callId: '7782342274025937895' } },
});
