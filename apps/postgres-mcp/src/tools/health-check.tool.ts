import { z } from 'zod';
import { healthOutput } from '../shapes';
import { definePostgresTool } from '../context';
import { runHealthChecks } from '../health-checks';

export const dbHealth = definePostgresTool({
  name: 'db_health',
  toolset: 'health',
  title: 'Database health report',
  description:
    'One report of the usual health checks, each with status ok/warning/critical: connections vs max_connections, ' +
    'cache hit ratio, long-running queries, blocking locks, unused indexes, duplicate indexes and transaction-id ' +
    'wraparound risk. A check the database cannot answer (missing view or privilege) is "unavailable" with the reason; ' +
    'on the embedded PGlite database the connection and lock checks are "not_applicable".',
  input: z.object({
    long_running_seconds: z.number().int().min(1).max(86_400).default(300).describe('A query running longer is reported (default 300).'),
  }),
  output: healthOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async ({ long_running_seconds }, ctx) => {
    const [version] = await ctx.db.run('SELECT version()', [], { readOnly: true, timeoutMs: ctx.timeoutMs, maxRows: 1 }).then((r) => r.rows);
    const checks = await runHealthChecks(ctx, { longRunningSeconds: long_running_seconds });
    const statuses = Object.values(checks).map((check) => check.status);
    const overall = statuses.includes('critical') ? 'critical' : statuses.includes('warning') ? 'warning' : 'ok';
    return { engine: ctx.db.engine, version: version?.['version'], overall, checks };
  },
});
