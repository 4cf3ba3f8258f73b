import { z } from 'zod';

/** Rows per page of a query result. */
export const rowLimit = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(100)
  .describe('Rows per page (1-1000, default 100). The rest comes page by page through nextCursor.');

/** Where a statement runs; each falls back to SNOWFLAKE_DATABASE/_SCHEMA/_WAREHOUSE/_ROLE, then to the user's defaults. */
export const statementContext = {
  database: z.string().min(1).optional().describe('Database for unqualified names (default: SNOWFLAKE_DATABASE).'),
  schema: z.string().min(1).optional().describe('Schema for unqualified names (default: SNOWFLAKE_SCHEMA).'),
  warehouse: z.string().min(1).optional().describe('Warehouse that runs the query (default: SNOWFLAKE_WAREHOUSE).'),
  role: z.string().min(1).optional().describe('Role to run as (default: SNOWFLAKE_ROLE).'),
};

export const statementHandle = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,64}$/, 'a Snowflake statement handle, e.g. 01b2c3d4-0000-1234-0000-000100020003')
  .describe('statementHandle returned by run_query or execute_sql.');

/** A database, schema or object name: plain names are case-insensitive, anything else is matched exactly. */
export const objectName = (what: string) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe(`${what} name. Plain names (letters, digits, _, $) match case-insensitively; others are quoted and match exactly.`);
