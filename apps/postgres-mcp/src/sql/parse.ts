import { ToolError } from '@sophia/mcp-base';
import { hasSqlDetails, loadModule, parseSync } from 'libpg-query';

/** A parse-tree node as libpg_query's JSON has it: `{ TypeName: { …fields } }`. */
export type ParseNode = Record<string, unknown>;

/**
 * The one statement in `sql`, parsed by PostgreSQL's own grammar (libpg_query compiled to WASM):
 * the tree the server would build, with comments, quoting, U&"…" / UESCAPE escapes and case folding
 * already resolved. Throws invalid_input for SQL that does not parse, is empty or holds several statements.
 */
export async function parseStatement(sql: string): Promise<ParseNode> {
  await loadModule();
  let statements: { stmt?: unknown }[];
  try {
    statements = sql.trim() === '' ? [] : (parseSync(sql).stmts ?? []);
  } catch (error) {
    // A tree too deep for the JSON it comes back as (thousands of chained operators).
    if (error instanceof RangeError) {
      throw ToolError.invalidInput('the SQL is nested too deeply to check: split or simplify the expression');
    }
    // PostgreSQL's own syntax errors are the caller's; anything else is ours and stays an internal error.
    if (!hasSqlDetails(error)) throw error;
    const position = error.sqlDetails?.cursorPosition;
    const at = position !== undefined && position >= 0 ? ` At character ${position + 1}.` : '';
    throw ToolError.invalidInput(`the SQL does not parse: ${error.message}.${at}`);
  }
  if (statements.length === 0) throw ToolError.invalidInput('the SQL is empty (only whitespace, comments or semicolons)');
  if (statements.length > 1) {
    throw ToolError.invalidInput(
      `send one statement per call (found ${statements.length}): each call runs alone in its own transaction`,
    );
  }
  return statements[0].stmt as ParseNode;
}

