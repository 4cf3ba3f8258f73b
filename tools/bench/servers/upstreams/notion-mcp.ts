/** Notion API for search: one page of ten task pages from the tests' fixtures, in Notion's list envelope. */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { list, taskPage } from '../../../../apps/notion-mcp/test/fixtures';

const pages = list(
  Array.from({ length: 10 }, (_unused, index) => taskPage(`59833787-2cf9-4fdf-8782-e53db2076${String(index).padStart(3, '0')}`, `Ship v${index + 1}`)),
  null,
  'page_or_data_source',
);

export const handlers = [http.post('*/v1/search', () => HttpResponse.json(pages))];
