import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { asanaApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: asanaApp,
  expectedTools: [
    'list_workspaces',
    'search_tasks',
    'get_task',
    'create_task',
    'update_task',
    'add_comment',
    'get_project',
    'list_project_tasks',
  ],
  writeTools: ['create_task', 'update_task', 'add_comment'],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_workspaces', arguments: {} },
});
