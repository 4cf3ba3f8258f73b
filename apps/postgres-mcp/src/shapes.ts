import { z } from 'zod';

/**
 * Output schemas of postgres-mcp's tools. Values are as the tools return them: int8 and numeric
 * as strings (JSON numbers lose precision), int4 as numbers, NULL as null; row objects are open
 * (their keys are the query's columns).
 */
const bigint = z.string().describe('int8 / numeric, as a decimal string');
const nullableText = z.string().nullable();
const engine = z.enum(['pglite', 'postgresql']);
const nextCursor = z.string().optional().describe('Pass back as cursor for the next page; absent on the last page.');

export const schemasOutput = z.object({
  engine,
  schemas: z.array(z.object({ name: z.string(), owner: nullableText, objects: z.number().int(), comment: nullableText })),
  nextCursor,
});

const objectKind = z.enum(['table', 'partitioned_table', 'view', 'materialized_view', 'sequence', 'foreign_table', 'extension']);

export const objectsOutput = z.object({
  schema: z.string(),
  objects: z.array(
    z.object({
      name: z.string(),
      kind: objectKind,
      schema: z.string(),
      row_estimate: bigint.nullable(),
      total_bytes: bigint.nullable(),
      size: nullableText,
      version: nullableText.describe('Extensions only'),
      comment: nullableText,
    }),
  ),
  nextCursor,
});

const definition = { name: z.string(), definition: z.string() };

export const objectOutput = z.object({
  schema: z.string(),
  name: z.string(),
  kind: objectKind.exclude(['extension']),
  row_estimate: bigint.nullable(),
  total_bytes: bigint,
  size: z.string(),
  comment: nullableText,
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      nullable: z.boolean(),
      default: nullableText,
      identity: z.enum(['always', 'by default']).nullable(),
      generated: z.enum(['stored', 'virtual']).nullable(),
      comment: nullableText,
    }),
  ),
  constraints: z.array(z.object({ ...definition, type: z.string() })),
  indexes: z.array(
    z.object({ ...definition, unique: z.boolean(), primary: z.boolean(), valid: z.boolean(), bytes: z.number() }),
  ),
  foreign_keys: z.array(z.object({ ...definition, references: z.string() })),
  referenced_by: z.array(z.object({ ...definition, table: z.string() })),
  view_definition: z.string().optional(),
});

export const statementOutput = z.object({
  command: z.string().describe('SELECT, INSERT, UPDATE … as PostgreSQL reports it'),
  rowCount: z.number().int().nullable(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
  note: z.string().optional(),
});

export const explainOutput = z.object({
  analyzed: z.boolean(),
  rolledBack: z.literal(true).optional(),
  plan: z.unknown().describe('EXPLAIN (FORMAT JSON) output: { Plan: { "Node Type", … }, … }'),
});

export const topQueriesOutput = z.object({
  sortedBy: z.enum(['total_time', 'mean_time', 'calls', 'rows']),
  queries: z.array(
    z.object({
      query_id: nullableText,
      calls: bigint,
      total_ms: bigint,
      mean_ms: bigint,
      rows: bigint,
      cache_hit_pct: bigint.nullable(),
      query: nullableText.describe("Normalised text; string literals shown as '<redacted>'"),
    }),
  ),
});

export const healthOutput = z.object({
  engine,
  version: z.string().optional(),
  overall: z.enum(['ok', 'warning', 'critical']),
  checks: z.record(
    z.string(),
    z.looseObject({ status: z.enum(['ok', 'warning', 'critical', 'not_applicable', 'unavailable']) }),
  ),
});
