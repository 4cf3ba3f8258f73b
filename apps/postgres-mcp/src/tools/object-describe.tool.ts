import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { catalogRows } from '../catalog';
import { objectOutput } from '../shapes';
import { definePostgresTool } from '../context';

export const describeObject = definePostgresTool({
  name: 'describe_object',
  toolset: 'schema',
  title: 'Describe a table, view or sequence',
  description:
    'Describes one table, view, materialized view, sequence or foreign table: columns (type, nullable, default, identity, ' +
    'generated, comment), constraints (primary key, unique, check, exclusion), indexes (definition, size, unique/primary), ' +
    'foreign keys out and in, size and row estimate, and the view definition for views. Names are exact (case-sensitive, unquoted).',
  input: z.object({
    schema: z.string().min(1).default('public').describe('Schema name (default public).'),
    name: z.string().min(1).describe('Object name exactly as stored, e.g. orders or "MixedCase" without the quotes.'),
  }),
  output: objectOutput,
  annotations: { readOnlyHint: true, openWorldHint: false },
  handler: async ({ schema, name }, ctx) => {
    const [object] = await catalogRows(
      ctx,
      `SELECT n.nspname AS schema, c.relname AS name,
              CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned_table' WHEN 'v' THEN 'view'
                WHEN 'm' THEN 'materialized_view' WHEN 'S' THEN 'sequence' ELSE 'foreign_table' END AS kind,
              CASE WHEN c.reltuples >= 0 AND c.relkind IN ('r','p','m') THEN c.reltuples::bigint END AS row_estimate,
              pg_total_relation_size(c.oid) AS total_bytes,
              pg_size_pretty(pg_total_relation_size(c.oid)) AS size,
              obj_description(c.oid, 'pg_class') AS comment,
              (SELECT json_agg(json_build_object(
                  'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'nullable', NOT a.attnotnull,
                  'default', pg_get_expr(d.adbin, d.adrelid),
                  'identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
                  'generated', CASE a.attgenerated WHEN 's' THEN 'stored' WHEN 'v' THEN 'virtual' END,
                  'comment', col_description(a.attrelid, a.attnum)) ORDER BY a.attnum)
                 FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
              (SELECT json_agg(json_build_object(
                  'name', k.conname,
                  'type', CASE k.contype WHEN 'p' THEN 'primary_key' WHEN 'u' THEN 'unique' WHEN 'c' THEN 'check'
                    WHEN 'x' THEN 'exclusion' WHEN 'n' THEN 'not_null' ELSE k.contype::text END,
                  'definition', pg_get_constraintdef(k.oid)) ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype NOT IN ('f', 'n')) AS constraints,
              (SELECT json_agg(json_build_object(
                  'name', i.relname, 'definition', pg_get_indexdef(x.indexrelid), 'unique', x.indisunique,
                  'primary', x.indisprimary, 'valid', x.indisvalid, 'bytes', pg_relation_size(x.indexrelid)) ORDER BY i.relname)
                 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid) AS indexes,
              (SELECT json_agg(json_build_object(
                  'name', k.conname, 'references', k.confrelid::regclass::text, 'definition', pg_get_constraintdef(k.oid))
                  ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f') AS foreign_keys,
              (SELECT json_agg(json_build_object(
                  'name', k.conname, 'table', k.conrelid::regclass::text, 'definition', pg_get_constraintdef(k.oid))
                  ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.confrelid = c.oid AND k.contype = 'f') AS referenced_by,
              CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS view_definition
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r','p','v','m','S','f')`,
      [schema, name],
    );
    if (!object) {
      throw ToolError.notFound(`no table, view or sequence "${name}" in schema "${schema}": list_objects shows what exists`);
    }
    for (const key of ['columns', 'constraints', 'indexes', 'foreign_keys', 'referenced_by']) object[key] ??= [];
    if (object['view_definition'] === null) delete object['view_definition'];
    return object;
  },
});
