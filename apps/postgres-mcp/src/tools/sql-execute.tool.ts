import { z } from 'zod';
import { sqlParam } from '../catalog';
import { statementOutput } from '../shapes';
import { definePostgresTool, type PostgresContext } from '../context';
import { checkStatement, refusePrivilegedRole } from '../sql/guard';
import { refuseShadowedBuiltins } from '../sql/user-code';

const input = z.object({
  sql: z.string().min(1).max(100_000).describe('Exactly one SQL statement. Use $1, $2 … for values, never string concatenation.'),
  params: z
    .array(z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]))
    .max(100)
    .default([])
    .describe('Values for $1, $2 …; objects and arrays are sent as JSON text.'),
  max_rows: z.number().int().min(1).max(10_000).default(100).describe('Rows to return (default 100; capped by POSTGRES_MAX_ROWS).'),
});

async function execute({ sql, params, max_rows }: z.output<typeof input>, ctx: PostgresContext) {
  await refusePrivilegedRole(ctx);
  const statement = await checkStatement(sql, ctx.mode);
  await refuseShadowedBuiltins(ctx, statement.unqualified);
  const maxRows = Math.min(max_rows, ctx.maxRows);
  const restricted = ctx.mode === 'restricted';
  const result = await ctx.db.run(sql, params.map(sqlParam), {
    readOnly: restricted,
    timeoutMs: ctx.timeoutMs,
    maxRows,
    // Restricted queries run through a cursor, so only maxRows + 1 rows are ever computed.
    cursor: restricted && statement.query,
  });
  return {
    ...result,
    ...(result.truncated && {
      note: `truncated at ${maxRows} rows: more rows exist. Add a WHERE or LIMIT, aggregate, or raise max_rows (up to ${ctx.maxRows}).`,
    }),
  };
}

const description =
  'Runs exactly one SQL statement with optional $1 … parameters and returns { command, rowCount, columns [{name, type}], ' +
  'rows [objects] } with JSON-safe values: int8 and numeric as strings, bytea as hex "\\x…", json/jsonb as JSON, ' +
  'timestamps as ISO 8601, other types as PostgreSQL prints them. At most max_rows rows; when there are more, ' +
  'truncated: true and a note "truncated at N rows". Each call is its own transaction with a statement timeout; ' +
  'multiple statements and transaction control (BEGIN, COMMIT, SET TRANSACTION …) are refused.';

/** Restricted mode (the default): SELECT/WITH/VALUES/TABLE/SHOW/EXPLAIN in a READ ONLY transaction, always rolled back. */
export const executeSqlReadOnly = definePostgresTool({
  name: 'execute_sql',
  toolset: 'query',
  title: 'Run a read-only SQL query',
  description: `${description} This server is restricted: only SELECT, WITH, VALUES, TABLE, SHOW and EXPLAIN, in a READ ONLY transaction that is rolled back; writes fail.`,
  input,
  output: statementOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: execute,
});

/** POSTGRES_ACCESS_MODE=unrestricted: any single statement, committed. */
export const executeSqlReadWrite = definePostgresTool({
  name: 'execute_sql',
  toolset: 'query',
  title: 'Run a SQL statement (writes allowed)',
  description: `${description} This server is unrestricted: INSERT, UPDATE, DELETE and DDL run and are committed.`,
  input,
  output: statementOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  handler: execute,
});
