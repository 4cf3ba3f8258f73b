import { isFullPage, type UpdatePageParameters } from '@notionhq/client';
import { z } from 'zod';
import { defineNotionTool } from '../context';
import { notionId, propertyValues } from '../inputs';
import { pageWithProperties, pageWithPropertiesOutput } from '../shapes/objects';
import { pageTitleProperty, titleValue } from '../title-property';

export const updatePage = defineNotionTool({
  name: 'update_page',
  toolset: 'pages',
  title: 'Update page properties',
  description:
    "Sets a page's title and/or property values (a data source row's columns), leaving other properties and " +
    'the content as they are; append content with append_blocks. Property values use Notion API form; read the ' +
    'schema with get_data_source. Returns the page with all its property values after the update. A title change ' +
    'costs one extra read to find the title column.',
  input: z
    .object({
      pageId: notionId('page'),
      title: z.string().min(1).max(2000).optional().describe('New page title (plain text).'),
      properties: propertyValues.optional(),
    })
    .refine((input) => input.title !== undefined || Object.keys(input.properties ?? {}).length > 0, {
      message: 'give a title or at least one property to change',
      path: ['properties'],
    }),
  output: pageWithPropertiesOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const notion = ctx.notion;
    const properties: Record<string, unknown> = { ...input.properties };
    if (input.title !== undefined) properties[await pageTitleProperty(notion, input.pageId)] = titleValue(input.title);
    const page = await notion.pages.update({
      page_id: input.pageId,
      // Property values are Notion's own JSON, validated by Notion (validation_error → invalid_input).
      properties: properties as UpdatePageParameters['properties'],
    });
    return isFullPage(page) ? pageWithProperties(page) : { object: 'page', id: page.id };
  },
});
