import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { linearApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: linearApp,
  expectedTools: [
    'list_teams',
    'list_issues',
    'get_issue',
    'list_issue_statuses',
    'save_issue',
    'list_projects',
    'list_comments',
    'save_comment',
  ],
  writeTools: ['save_issue', 'save_comment'],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_teams', arguments: {} },
});
