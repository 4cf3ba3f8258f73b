import { isFullDataSource, isFullPage, type Client } from '@notionhq/client';
import { ToolError } from '@sophia/mcp-base';
import { titlePropertyName } from './shapes/objects';

/**
 * The title column's name differs per data source ("Name", "Task", …); setting a title needs it.
 * Plain pages (parent page or workspace) always call it "title".
 */
export async function dataSourceTitleProperty(notion: Client, dataSourceId: string): Promise<string> {
  const dataSource = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
  const name = isFullDataSource(dataSource) ? titlePropertyName(dataSource.properties) : undefined;
  if (!name) throw ToolError.invalidInput(`data source ${dataSourceId} has no title property Notion let us read; set the title through properties`);
  return name;
}

export async function pageTitleProperty(notion: Client, pageId: string): Promise<string> {
  const page = await notion.pages.retrieve({ page_id: pageId });
  return (isFullPage(page) ? titlePropertyName(page.properties) : undefined) ?? 'title';
}

/** A title property value from plain text (Markdown markers are kept as typed). */
export const titleValue = (title: string) => ({ title: [{ type: 'text' as const, text: { content: title } }] });
