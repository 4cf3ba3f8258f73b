import { pageInput } from '@sophia/mcp-base';
import { z } from 'zod';
import { catalogRows, offsetOf, page } from '../catalog';
import { schemasOutput } from '../shapes';
import { definePostgresTool } from '../context';

export const listSchemas = definePostgresTool({
  name: 'list_schemas',
  toolset: 'schema',
  title: 'List schemas',
  description:
    'Lists the schemas of the connected database with owner, number of tables/views/sequences and comment. ' +
    'System schemas (pg_*, information_schema) only with include_system. Start here, then list_objects. Paginated (cursor/limit).',
  input: z.object({
    include_system: z.boolean().default(false).describe('Also list pg_catalog, information_schema, pg_toast …'),
    ...pageInput({ defaultLimit: 100, maxLimit: 500 }),
  }),
  output: schemasOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async ({ include_system, cursor, limit }, ctx) => {
    const offset = offsetOf(cursor);
    const rows = await catalogRows(
      ctx,
      `SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner,
              (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r','p','v','m','S','f'))::int AS objects,
              obj_description(n.oid, 'pg_namespace') AS comment
         FROM pg_namespace n
        WHERE $1::boolean OR (n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema')
        ORDER BY n.nspname OFFSET $2::int LIMIT $3::int`,
      [include_system, offset, limit + 1],
    );
    const { items, nextCursor } = page(rows, offset, limit);
    return { engine: ctx.db.engine, schemas: items, nextCursor };
  },
});
