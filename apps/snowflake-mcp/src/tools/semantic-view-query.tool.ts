import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { objectName, rowLimit, statementContext } from '../inputs';
import { presentOutcome } from '../outcome';
import { semanticViewSql } from '../semantic-sql';
import { statementOutput } from '../shapes';
import { assertReadOnly, identifier } from '../sql-guard';

const memberList = (what: string) =>
  z
    .array(z.string().min(1).max(520))
    .max(50)
    .default([])
    .describe(`${what} as describe_semantic_view's \`member\` (table.name; double-quote parts with other characters).`);

const filterValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);

export const querySemanticView = defineSnowflakeTool({
  name: 'query_semantic_view',
  toolset: 'semantic',
  title: 'Query a semantic view',
  description:
    'Queries one Snowflake semantic view by its dimensions, metrics or facts (SELECT * FROM SEMANTIC_VIEW(… ' +
    'DIMENSIONS … METRICS … WHERE …), read-only, needs a warehouse) and returns the same shape as run_query: ' +
    '{ statementHandle, status, columns, rows, numRows, firstRow, nextCursor }. Metrics are aggregated by the ' +
    'dimensions; facts are row-level and cannot be combined with metrics. Filters compare a member with literal ' +
    'values and are joined with AND. Find members with describe_semantic_view; more rows come through ' +
    'get_query_status with nextCursor.',
  input: z.object({
    database: objectName('Database'),
    schema: objectName('Schema'),
    name: objectName('Semantic view'),
    dimensions: memberList('Dimensions to group by'),
    metrics: memberList('Metrics to aggregate'),
    facts: memberList('Facts (row-level values)'),
    filters: z
      .array(
        z.object({
          member: z.string().min(1).max(520).describe('A dimension (or fact) to filter on, e.g. customer.region.'),
          operator: z.enum(['=', '<>', '<', '<=', '>', '>=', 'in', 'not_in', 'like', 'is_null', 'is_not_null']),
          value: z.union([filterValue, z.array(filterValue).max(1000)]).optional().describe('A literal; an array for in/not_in; none for is_null.'),
        }),
      )
      .max(20)
      .default([])
      .describe('Conditions, all of which must hold (WHERE … AND …).'),
    orderBy: z
      .array(z.object({ column: z.string().min(1).max(520).describe('A requested member or its column name.'), descending: z.boolean().default(false) }))
      .max(10)
      .default([]),
    maxRows: z.number().int().min(1).max(1_000_000).optional().describe('LIMIT on the whole result (default: none).'),
    warehouse: statementContext.warehouse,
    role: statementContext.role,
    limit: rowLimit,
  }),
  output: statementOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const sql = semanticViewSql({
      view: [input.database, input.schema, input.name].map(identifier),
      dimensions: input.dimensions,
      metrics: input.metrics,
      facts: input.facts,
      filters: input.filters,
      orderBy: input.orderBy,
      maxRows: input.maxRows,
    });
    // Built from identifiers and literals only; the guard is a second lock on the read-only promise.
    assertReadOnly(sql);
    const outcome = await ctx.snowflake.execute(sql, { warehouse: input.warehouse, role: input.role }, ctx.signal);
    return presentOutcome(outcome, input.limit, ctx.maxCellChars);
  },
});
