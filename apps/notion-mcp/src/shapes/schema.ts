import type { DataSourceObjectResponse } from '@notionhq/client';
import { z } from 'zod';

type PropertyConfig = DataSourceObjectResponse['properties'][string];

export const propertySchemaOutput = z.object({
  id: z.string(),
  type: z.string(),
  description: z.string().optional(),
  options: z.array(z.string()).optional().describe('Option names of a select, multi_select or status.'),
  relatedDataSourceId: z.string().optional(),
  expression: z.string().optional().describe('A formula.'),
  format: z.string().optional().describe('A number format.'),
  prefix: z.string().nullable().optional().describe('A unique_id prefix.'),
});

/**
 * One column of a data source: its type plus what a writer needs to fill it (option names of
 * selects and statuses, the related data source, a formula's expression, a number format).
 */
export function compactPropertySchema(config: PropertyConfig): z.infer<typeof propertySchemaOutput> {
  const base = { id: config.id, type: config.type, ...(config.description && { description: config.description }) };
  switch (config.type) {
    case 'select':
      return { ...base, options: config.select.options.map((option) => option.name) };
    case 'multi_select':
      return { ...base, options: config.multi_select.options.map((option) => option.name) };
    case 'status':
      return { ...base, options: config.status.options.map((option) => option.name) };
    case 'relation':
      return { ...base, relatedDataSourceId: config.relation.data_source_id };
    case 'formula':
      return { ...base, expression: config.formula.expression };
    case 'number':
      return { ...base, format: config.number.format };
    case 'unique_id':
      return { ...base, prefix: config.unique_id.prefix };
    default:
      return base;
  }
}
