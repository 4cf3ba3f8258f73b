import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: githubApp,
  expectedTools: [
    'get_me',
    'search_repositories',
    'get_file_contents',
    'list_commits',
    'list_issues',
    'get_issue',
    'create_issue',
    'add_issue_comment',
    'list_pull_requests',
    'get_pull_request',
    'create_pull_request',
    'search_code',
  ],
  writeTools: ['add_issue_comment', 'create_issue', 'create_pull_request'],
  configuredEnv: configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'get_me', arguments: {} },
});
