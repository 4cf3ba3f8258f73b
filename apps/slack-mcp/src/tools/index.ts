import type { ToolList } from '@sophia/mcp-base';
import type { SlackContext } from '../context';
import { findChannel } from './channel-find.tool';
import { readChannel } from './channel-read.tool';
import { listChannels } from './channels-list.tool';
import { deleteMessage } from './message-delete.tool';
import { getMessage } from './message-get.tool';
import { postMessage } from './message-post.tool';
import { scheduleMessage } from './message-schedule.tool';
import { updateMessage } from './message-update.tool';
import { searchMessages } from './messages-search.tool';
import { addReaction } from './reaction-add.tool';
import { readThread } from './thread-read.tool';
import { findUser } from './user-find.tool';
import { getUser } from './user-get.tool';
import { listUsers } from './users-list.tool';

/** Every slack-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const slackTools: ToolList<SlackContext> = [
  // channels
  listChannels,
  findChannel,
  readChannel,
  readThread,
  getMessage,
  // search
  searchMessages,
  // users
  findUser,
  getUser,
  listUsers,
  // chat (writes)
  postMessage,
  scheduleMessage,
  updateMessage,
  addReaction,
  deleteMessage,
];
