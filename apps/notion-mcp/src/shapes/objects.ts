import type { DataSourceObjectResponse, PageObjectResponse } from '@notionhq/client';
import { z } from 'zod';
import { plainText } from '../markdown/inline';
import { simpleProperties } from './property-values';

type Parent = PageObjectResponse['parent'] | DataSourceObjectResponse['parent'];

/** Where an object lives, as { type, id }: page, data_source, database, block or workspace. */
export function compactParent(parent: Parent): { type: string; id: string | null } {
  switch (parent.type) {
    case 'page_id':
      return { type: 'page', id: parent.page_id };
    case 'data_source_id':
      return { type: 'data_source', id: parent.data_source_id };
    case 'database_id':
      return { type: 'database', id: parent.database_id };
    case 'block_id':
      return { type: 'block', id: parent.block_id };
    default:
      return { type: 'workspace', id: null };
  }
}

/** A page's title: the value of its one title-type property. */
export function pageTitle(page: PageObjectResponse): string {
  const title = Object.values(page.properties).find((value) => value.type === 'title');
  return title?.type === 'title' ? plainText(title.title) : '';
}

/** The name of the page's title property ("title" on plain pages, e.g. "Name" in a data source). */
export function titlePropertyName(properties: Record<string, { type: string }>): string | undefined {
  return Object.entries(properties).find(([, value]) => value.type === 'title')?.[0];
}

export const parentOutput = z
  .object({ type: z.string().describe('page, data_source, database, block or workspace.'), id: z.string().nullable() })
  .describe('Where the object lives.');

export const pageOutput = z.object({
  object: z.literal('page'),
  id: z.string(),
  title: z.string(),
  url: z.string(),
  parent: parentOutput,
  lastEditedTime: z.string(),
});

/** A page or a data source in search results (only object and id when Notion answers with a partial object). */
export const searchResultOutput = pageOutput.partial().extend({ object: z.string().describe('page or data_source.'), id: z.string() });

/** A page with its property values; only object and id when Notion answers with a partial page. */
export const pageWithPropertiesOutput = pageOutput
  .extend({
    createdTime: z.string(),
    inTrash: z.boolean(),
    properties: z.record(z.string(), z.unknown()).describe('Property values as plain JSON, keyed by property name.'),
  })
  .partial()
  .extend({ object: z.string(), id: z.string() });

/** What list results say about a page. */
export function compactPage(page: PageObjectResponse): z.infer<typeof pageOutput> {
  return {
    object: 'page' as const,
    id: page.id,
    title: pageTitle(page),
    url: page.url,
    parent: compactParent(page.parent),
    lastEditedTime: page.last_edited_time,
  };
}

/** A page with its property values (query results, fetch_page). */
export function pageWithProperties(page: PageObjectResponse) {
  return { ...compactPage(page), createdTime: page.created_time, inTrash: page.in_trash, properties: simpleProperties(page.properties) };
}

/** What list results say about a data source. */
export function compactDataSource(dataSource: DataSourceObjectResponse) {
  return {
    object: 'data_source' as const,
    id: dataSource.id,
    title: plainText(dataSource.title),
    url: dataSource.url,
    parent: compactParent(dataSource.parent),
    lastEditedTime: dataSource.last_edited_time,
  };
}
