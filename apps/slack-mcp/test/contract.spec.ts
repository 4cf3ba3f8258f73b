import { describeMcpContract, toolSnapshotDir } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

describeMcpContract({
  app: slackApp,
  expectedTools: [
    'list_channels',
    'read_channel',
    'read_thread',
    'search_messages',
    'get_user',
    'list_users',
    'post_message',
    'schedule_message',
    'add_reaction',
  ],
  writeTools: ['post_message', 'add_reaction', 'schedule_message'],
  configuredEnv,
  snapshotDir: toolSnapshotDir(__dirname),
  sampleCall: { name: 'list_users', arguments: {} },
});
