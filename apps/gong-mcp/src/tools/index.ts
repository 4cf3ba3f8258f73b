import type { ToolList } from '@sophia/mcp-base';
import type { GongContext } from '../context';
import { getActivityStats } from './activity-stats-get.tool';
import { getCallDetails } from './call-details-get.tool';
import { getCall } from './call-get.tool';
import { findCalls } from './calls-find.tool';
import { listCalls } from './calls-list.tool';
import { listLibraryFolderCalls } from './library-folder-calls-list.tool';
import { listLibraryFolders } from './library-folders-list.tool';
import { listTrackers } from './trackers-list.tool';
import { getTranscript } from './transcript-get.tool';
import { listUsers } from './users-list.tool';

/** Every gong-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const gongTools: ToolList<GongContext> = [
  listCalls,
  getCall,
  getCallDetails,
  getTranscript,
  findCalls,
  listUsers,
  getActivityStats,
  listTrackers,
  listLibraryFolders,
  listLibraryFolderCalls,
];
