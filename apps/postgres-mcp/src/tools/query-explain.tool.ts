import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { sqlParam } from '../catalog';
import { explainOutput } from '../shapes';
import { definePostgresTool, type PostgresContext } from '../context';
import { checkExplainable, refusePrivilegedRole } from '../sql/guard';
import { refuseShadowedBuiltins } from '../sql/user-code';

const input = z.object({
  sql: z.string().min(1).max(100_000).describe('One SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE or MERGE statement.'),
  params: z
    .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .max(100)
    .default([])
    .describe('Values for $1, $2 … (required when the statement has parameters).'),
  analyze: z
    .boolean()
    .default(false)
    .describe('EXPLAIN ANALYZE, BUFFERS: runs the statement for real timings (rolled back). Only when writes are allowed.'),
});

async function explain({ sql, params, analyze }: z.output<typeof input>, ctx: PostgresContext) {
  await refusePrivilegedRole(ctx);
  // The planner folds immutable function calls, so even a plan can run user code.
  await refuseShadowedBuiltins(ctx, await checkExplainable(sql, ctx.mode));
  if (analyze && ctx.mode === 'restricted') {
    throw ToolError.invalidInput(
      'analyze executes the statement, so it needs POSTGRES_ACCESS_MODE=unrestricted; omit it for the estimated plan',
    );
  }
  const options = analyze ? 'FORMAT JSON, ANALYZE, BUFFERS' : 'FORMAT JSON';
  const result = await ctx.db.run(`EXPLAIN (${options}) ${sql}`, params.map(sqlParam), {
    readOnly: !analyze,
    rollback: true,
    timeoutMs: ctx.timeoutMs,
    maxRows: 1,
  });
  const [plan] = (Object.values(result.rows[0] ?? {})[0] ?? []) as unknown[];
  return { analyzed: analyze, ...(analyze && { rolledBack: true }), plan };
}

const description =
  'Shows PostgreSQL\'s plan for one statement as EXPLAIN (FORMAT JSON): node types, estimated rows and costs, ' +
  'index use. Use it to see why a query is slow before changing it.';

/** Restricted mode: estimated plans only. */
export const explainQueryReadOnly = definePostgresTool({
  name: 'explain_query',
  toolset: 'query',
  title: 'Explain a query plan',
  description: `${description} This server is restricted: estimated plans only (analyze is refused), in a READ ONLY transaction.`,
  input,
  output: explainOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: explain,
});

/**
 * Unrestricted mode: analyze runs the statement inside a transaction that is always rolled back;
 * side effects outside the transaction (sequences, volatile functions) remain, hence not read-only.
 */
export const explainQueryAnalyze = definePostgresTool({
  name: 'explain_query',
  toolset: 'query',
  title: 'Explain a query plan (optionally ANALYZE)',
  description:
    `${description} With analyze: true it runs EXPLAIN (ANALYZE, BUFFERS) for actual rows and timings, inside a transaction ` +
    'that is rolled back (sequence increments and other non-transactional effects remain).',
  input,
  output: explainOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  handler: explain,
});
