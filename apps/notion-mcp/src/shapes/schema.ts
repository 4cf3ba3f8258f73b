import type { DataSourceObjectResponse } from '@notionhq/client';

type PropertyConfig = DataSourceObjectResponse['properties'][string];

/**
 * One column of a data source: its type plus what a writer needs to fill it (option names of
 * selects and statuses, the related data source, a formula's expression, a number format).
 */
export function compactPropertySchema(config: PropertyConfig) {
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
