import { connectInMemory, resultError, resultJson, toolCaller, type InMemoryConnection } from '@sophia/mcp-testing';
import { postgresApp } from '../src/app';
import type { SuiteTarget } from './database-suite';

/**
 * Restricted mode's allow-list names built-ins, but an unqualified name resolves through the search
 * path: a database that defines its own function or operator of that name (public.abs(text) wins
 * over pg_catalog.abs for `abs('x')`) would run its own code under an allowed name. Run on every engine.
 */
export function describeShadowedBuiltins(target: SuiteTarget): void {
  describe(`restricted mode and database-defined functions shadowing built-ins (${target.engine})`, () => {
    const restricted = toolCaller(postgresApp, {});
    const owner = toolCaller(postgresApp, {});
    const ro = (name: string, args: Record<string, unknown>) => restricted(name, args, target.readerEnv());
    const ownerSql = async (sql: string) => {
      const result = await owner('execute_sql', { sql }, { ...target.env(), POSTGRES_ACCESS_MODE: 'unrestricted' });
      if (result.isError) throw new Error(`${sql}: ${resultError(result)}`);
    };
    let keepOpen: InMemoryConnection | undefined;

    beforeAll(async () => {
      keepOpen = await connectInMemory(postgresApp, { env: target.env() });
      await ownerSql(`CREATE OR REPLACE FUNCTION public.abs(text) RETURNS text LANGUAGE sql AS $$ SELECT 'user code ran' $$`);
      await ownerSql(`CREATE OR REPLACE FUNCTION public.mcp_text_eq_int(text, int) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$`);
      await ownerSql('DROP OPERATOR IF EXISTS public.= (text, int)');
      await ownerSql('CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = int, FUNCTION = public.mcp_text_eq_int)');
    });
    afterAll(async () => {
      await ownerSql('DROP OPERATOR IF EXISTS public.= (text, int)');
      await ownerSql('DROP FUNCTION IF EXISTS public.mcp_text_eq_int(text, int)');
      await ownerSql('DROP FUNCTION IF EXISTS public.abs(text)');
      await ownerSql('DROP FUNCTION IF EXISTS public.upper(int)');
      await keepOpen?.close();
    });

    it.each([
      ['execute_sql', `SELECT abs('x') AS v`, /defines its own function public\.abs, .*Write pg_catalog\.abs\(…\) to use the built-in/],
      ['explain_query', `SELECT abs('x') AS v`, /defines its own function public\.abs/],
      ['execute_sql', `SELECT 1 FROM (SELECT ABS('x') AS v) s WHERE v IS NOT NULL`, /function public\.abs/],
      ['execute_sql', `SELECT 'a' = 1 AS v`, /defines its own operator public\.=, .*Write OPERATOR\(pg_catalog\.=\)/],
    ])('%s refuses %s before running it', async (tool, sql, message) => {
      const result = await ro(tool, { sql });
      expect(resultError(result)).toMatch(/^forbidden: restricted mode runs only built-in read code/);
      expect(resultError(result)).toMatch(message);
      expect(JSON.stringify(result)).not.toContain('user code ran');
    });

    it('sees a shadowing definition created, then dropped, after calls that asked about the same names', async () => {
      const sql = `SELECT upper('x') AS v`;
      expect(resultJson(await ro('execute_sql', { sql }))).toMatchObject({ rows: [{ v: 'X' }] });
      await ownerSql(`CREATE FUNCTION public.upper(int) RETURNS text LANGUAGE sql AS $$ SELECT 'user code ran' $$`);
      try {
        expect(resultError(await ro('execute_sql', { sql }))).toMatch(/defines its own function public\.upper/);
      } finally {
        await ownerSql('DROP FUNCTION public.upper(int)');
      }
      expect(resultJson(await ro('execute_sql', { sql }))).toMatchObject({ rows: [{ v: 'X' }] });
    });

    it('still runs the built-ins when they are named by schema, and statements that use no shadowed name', async () => {
      expect(resultJson(await ro('execute_sql', { sql: 'SELECT pg_catalog.abs(-2) AS v' }))).toMatchObject({ rows: [{ v: 2 }] });
      expect(resultJson(await ro('execute_sql', { sql: 'SELECT 2 OPERATOR(pg_catalog.=) 2 AS v' }))).toMatchObject({ rows: [{ v: true }] });
      expect(resultJson(await ro('execute_sql', { sql: `SELECT lower('X') AS v` }))).toMatchObject({ rows: [{ v: 'x' }] });
    });
  });
}
