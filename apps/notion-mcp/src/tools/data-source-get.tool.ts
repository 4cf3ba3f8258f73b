import { isFullDataSource } from '@notionhq/client';
import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId } from '../inputs';
import { plainText } from '../markdown/inline';
import { compactParent, parentOutput, titlePropertyName } from '../shapes/objects';
import { compactPropertySchema, propertySchemaOutput } from '../shapes/schema';

export const getDataSource = defineNotionTool({
  name: 'get_data_source',
  toolset: 'data_sources',
  title: 'Get a data source schema',
  description:
    "Reads a data source's schema: its title, URL, parent database, and every property (column) with its type, " +
    'options of selects and statuses, related data source of relations and formula expressions. Use it before ' +
    'query_data_source (to write filters) or create_page / update_page (to write property values). titleProperty ' +
    'names the column that holds each row’s title.',
  input: z.object({ dataSourceId: notionId('data source') }),
  output: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    url: z.string(),
    parent: parentOutput,
    titleProperty: z.string().nullable().describe("The column that holds each row's title."),
    properties: z.record(z.string(), propertySchemaOutput).describe('Columns by name.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const dataSource = await ctx.notion.dataSources.retrieve({ data_source_id: input.dataSourceId });
    if (!isFullDataSource(dataSource)) {
      throw ToolError.notFound(`Notion returned no schema for data source ${dataSource.id}: share its database with the integration.`);
    }
    return {
      id: dataSource.id,
      title: plainText(dataSource.title),
      description: plainText(dataSource.description),
      url: dataSource.url,
      parent: compactParent(dataSource.parent),
      titleProperty: titlePropertyName(dataSource.properties) ?? null,
      properties: Object.fromEntries(
        Object.entries(dataSource.properties).map(([name, config]) => [name, compactPropertySchema(config)]),
      ),
    };
  },
});
