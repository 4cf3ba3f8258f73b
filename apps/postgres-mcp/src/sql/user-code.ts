import { ToolError } from '@sophia/mcp-base';
import { catalogRows } from '../catalog';
import type { PostgresContext } from '../context';
import type { UnqualifiedNames } from './guard';

/**
 * An unqualified call resolves through the search path, and PostgreSQL's overload resolution
 * may pick a function or operator the database defines itself over the built-in one (public.abs(text)
 * beats pg_catalog.abs for `abs('x')`) — user code that restricted mode's allow-list never saw.
 * Restricted mode refuses a statement when one of its unqualified built-in names is also defined
 * in a schema on the search path by anything but an installed extension (citext's lower(citext) is
 * the extension owner's code, as trusted as the built-ins); `pg_catalog.name(…)` and
 * `OPERATOR(pg_catalog.op)` always reach the built-in and are allowed.
 */
const SHADOWING_DEFINITIONS = `
  SELECT 'function' AS kind, p.proname AS name, n.nspname AS schema
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE p.proname = ANY($1::text[]) AND n.nspname <> 'pg_catalog' AND n.nspname = ANY(current_schemas(true))
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  UNION
  SELECT 'operator', o.oprname, n.nspname
    FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
   WHERE o.oprname = ANY($2::text[]) AND n.nspname <> 'pg_catalog' AND n.nspname = ANY(current_schemas(true))
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e')
  ORDER BY 1, 2, 3`;
// Embedded PGlite remembers the answer per set of names until a statement may have changed it (catalog-memo.ts).

type ShadowingDefinition = { kind: 'function' | 'operator'; name: string; schema: string };

/** Throws forbidden when a built-in name the statement uses unqualified is shadowed by database-defined code. */
export async function refuseShadowedBuiltins(ctx: PostgresContext, names: UnqualifiedNames): Promise<void> {
  if (ctx.mode !== 'restricted' || (names.functions.length === 0 && names.operators.length === 0)) return;
  const functions = [...names.functions].sort();
  const operators = [...names.operators].sort();
  const read = async () => (await catalogRows(ctx, SHADOWING_DEFINITIONS, [functions, operators])) as ShadowingDefinition[];
  const rows = ctx.db.catalogMemo ? await ctx.db.catalogMemo.get(`shadowing:${JSON.stringify([functions, operators])}`, read) : await read();
  if (rows.length === 0) return;
  const found = rows.map((row) => `${row.kind} ${row.schema}.${row.name}`).join(', ');
  const fixes = [...new Set(rows.map((row) => (row.kind === 'function' ? `pg_catalog.${row.name}(…)` : `OPERATOR(pg_catalog.${row.name})`)))];
  throw new ToolError(
    'forbidden',
    `restricted mode runs only built-in read code, and this database defines its own ${found}, which the unqualified ` +
      `name could resolve to. Write ${fixes.join(', ')} to use the built-in.`,
  );
}
