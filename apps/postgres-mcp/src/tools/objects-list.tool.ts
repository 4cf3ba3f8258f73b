import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { catalogRows, offsetOf, page } from '../catalog';
import { objectsOutput } from '../shapes';
import { definePostgresTool } from '../context';

const kinds = ['table', 'partitioned_table', 'view', 'materialized_view', 'sequence', 'foreign_table', 'extension'] as const;

export const listObjects = definePostgresTool({
  name: 'list_objects',
  toolset: 'schema',
  title: 'List tables, views, sequences and extensions',
  description:
    'Lists the objects of one schema: tables, partitioned tables, views, materialized views, sequences and foreign tables, ' +
    'with the planner\'s row estimate (null until the table is analyzed) and total size on disk; plus the extensions installed ' +
    'in the database (database-wide, with their version). Filter by kinds and a name pattern. Paginated (cursor/limit). ' +
    'Then describe_object for columns, constraints and indexes.',
  input: z.object({
    schema: z.string().min(1).default('public').describe('Schema name (default public).'),
    kinds: z.array(z.enum(kinds)).min(1).optional().describe('Only these kinds (default: all).'),
    name_like: z.string().optional().describe('Case-insensitive LIKE pattern on the name, e.g. "%order%".'),
    ...pageInput({ defaultLimit: 100, maxLimit: 500 }),
  }),
  output: objectsOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async ({ schema, kinds: only, name_like, cursor, limit }, ctx) => {
    const offset = offsetOf(cursor);
    const rows = await catalogRows(
      ctx,
      `SELECT * FROM (
         SELECT c.relname AS name,
                CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned_table' WHEN 'v' THEN 'view'
                  WHEN 'm' THEN 'materialized_view' WHEN 'S' THEN 'sequence' ELSE 'foreign_table' END AS kind,
                n.nspname AS schema,
                CASE WHEN c.relkind IN ('r','p','m') AND c.reltuples >= 0 THEN c.reltuples::bigint END AS row_estimate,
                CASE WHEN c.relkind IN ('r','p','m','S') THEN pg_total_relation_size(c.oid) END AS total_bytes,
                CASE WHEN c.relkind IN ('r','p','m','S') THEN pg_size_pretty(pg_total_relation_size(c.oid)) END AS size,
                NULL::text AS version,
                obj_description(c.oid, 'pg_class') AS comment
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r','p','v','m','S','f')
         UNION ALL
         SELECT e.extname, 'extension', n.nspname, NULL, NULL, NULL, e.extversion, obj_description(e.oid, 'pg_extension')
           FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       ) o
       WHERE ($2::text IS NULL OR o.kind = ANY(string_to_array($2::text, ',')))
         AND ($3::text IS NULL OR o.name ILIKE $3::text)
       ORDER BY o.kind, o.name OFFSET $4::int LIMIT $5::int`,
      [schema, only ? only.join(',') : null, name_like ?? null, offset, limit + 1],
    );
    const { items, nextCursor } = page(rows, offset, limit);
    return { schema, objects: items, nextCursor };
  },
});
