import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { notionApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: notionApp,
  expectedTools: [
    'search',
    'fetch_page',
    'create_page',
    'update_page',
    'append_blocks',
    'get_data_source',
    'query_data_source',
    'create_comment',
  ],
  writeTools: ['create_page', 'update_page', 'append_blocks', 'create_comment'],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'search', arguments: { query: 'roadmap' } },
});
