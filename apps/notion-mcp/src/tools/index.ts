import type { ToolList } from '@sophia/mcp-base';
import type { NotionContext } from '../context';
import { appendBlocks } from './blocks-append.tool';
import { createComment } from './comment-create.tool';
import { listComments } from './comments-list.tool';
import { getDataSource } from './data-source-get.tool';
import { queryDataSource } from './data-source-query.tool';
import { archivePage } from './page-archive.tool';
import { replacePageContent } from './page-content-replace.tool';
import { createPage } from './page-create.tool';
import { fetchPage } from './page-fetch.tool';
import { updatePage } from './page-update.tool';
import { listUsers } from './users-list.tool';
import { search } from './workspace-search.tool';

/** Every notion-mcp tool, in the order clients list them: grouped by toolset, reads before writes. */
export const notionTools: ToolList<NotionContext> = [
  // search
  search,
  // pages
  fetchPage,
  createPage,
  updatePage,
  appendBlocks,
  replacePageContent,
  archivePage,
  // data_sources
  getDataSource,
  queryDataSource,
  // comments
  listComments,
  createComment,
  // users
  listUsers,
];
