import type { ToolList } from '@sophia/mcp-base';
import type { SlackContext } from '../context';
import { readChannel } from './channel-read.tool';
import { listChannels } from './channels-list.tool';
import { postMessage } from './message-post.tool';
import { scheduleMessage } from './message-schedule.tool';
import { searchMessages } from './messages-search.tool';
import { addReaction } from './reaction-add.tool';
import { readThread } from './thread-read.tool';
import { getUser } from './user-get.tool';
import { listUsers } from './users-list.tool';

/** Every slack-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const slackTools: ToolList<SlackContext> = [
  // channels
  listChannels,
  readChannel,
  readThread,
  // search
  searchMessages,
  // users
  getUser,
  listUsers,
  // chat (writes)
  postMessage,
  scheduleMessage,
  addReaction,
];
