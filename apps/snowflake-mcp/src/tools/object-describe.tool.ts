import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { objectName } from '../inputs';
import { text } from '../show-paging';
import { identifier } from '../sql-guard';

const MAX_COLUMNS = 500;

export const describeObject = defineSnowflakeTool({
  name: 'describe_object',
  toolset: 'catalog',
  title: 'Describe a table or view',
  description:
    'Shows the columns of one Snowflake table or view (DESCRIBE TABLE / VIEW, no warehouse needed): ' +
    '{ object, kind, columns: [{ name, type, nullable, default, primaryKey, comment }], columnCount }. ' +
    `Use it before writing a query. Up to ${MAX_COLUMNS} columns, with a marker when there are more.`,
  input: z.object({
    database: objectName('Database'),
    schema: objectName('Schema'),
    name: objectName('Table or view'),
    kind: z.enum(['table', 'view']).default('table').describe('Whether the object is a table (default) or a view.'),
  }),
  output: z.object({
    object: z.string().describe('The qualified name as sent to Snowflake.'),
    kind: z.enum(['TABLE', 'VIEW']),
    columns: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        nullable: z.boolean(),
        default: z.string().optional(),
        primaryKey: z.literal(true).optional(),
        comment: z.string().optional(),
      }),
    ),
    columnCount: z.number().int(),
    truncated: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const object = [input.database, input.schema, input.name].map(identifier).join('.');
    const rows = await ctx.snowflake.records(`DESCRIBE ${input.kind.toUpperCase()} ${object}`, ctx.signal);
    const columns = rows.slice(0, MAX_COLUMNS).map((row) => ({
      name: row['name'],
      type: row['type'],
      nullable: row['null?'] === 'Y',
      default: text(row['default']),
      primaryKey: row['primary key'] === 'Y' ? true : undefined,
      comment: text(row['comment']),
    }));
    return {
      object,
      kind: input.kind.toUpperCase(),
      columns,
      columnCount: rows.length,
      ...(rows.length > MAX_COLUMNS ? { truncated: `showing the first ${MAX_COLUMNS} of ${rows.length} columns` } : {}),
    };
  },
});
