import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { rowLimit, statementContext } from '../inputs';
import { presentOutcome } from '../outcome';
import { nameParts } from '../semantic-sql';
import { statementOutput } from '../shapes';
import { assertReadOnly } from '../sql-guard';

/** The non-streaming answer of POST /api/v2/cortex/analyst/message (the fields we read). */
const analystAnswer = z.object({
  request_id: z.string().optional(),
  message: z
    .object({
      content: z
        .array(
          z.looseObject({
            type: z.string(),
            text: z.string().optional(),
            statement: z.string().optional(),
            suggestions: z.array(z.string()).optional(),
            confidence: z.looseObject({ verified_query_used: z.looseObject({ name: z.string().optional() }).nullable().optional() }).optional(),
          }),
        )
        .default([]),
    })
    .optional(),
  warnings: z.array(z.looseObject({ message: z.string().optional() })).optional(),
});

const STAGED_MODEL = /^@[^\s'"]+\.ya?ml$/i;

export const askCortexAnalyst = defineSnowflakeTool({
  name: 'ask_cortex_analyst',
  toolset: 'semantic',
  title: 'Ask Cortex Analyst (text to SQL)',
  description:
    'Turns a question in plain language into SQL with Snowflake Cortex Analyst over a semantic view or a staged ' +
    'semantic model YAML (default: SNOWFLAKE_CORTEX_SEMANTIC_VIEW / _MODEL_FILE). Returns { requestId, ' +
    'interpretation (how Cortex understood the question), sql, verifiedQuery, suggestions (when the question was ' +
    'unclear), warnings }. With execute: true the SQL also runs through the read-only path of run_query and ' +
    'result holds its first page (needs a warehouse). Served only with SNOWFLAKE_CORTEX_ANALYST=true.',
  input: z.object({
    question: z.string().min(1).max(10_000).describe('The question, e.g. "What was revenue by region last quarter?"'),
    semanticView: z.string().min(1).max(800).optional().describe('Semantic view as DATABASE.SCHEMA.VIEW.'),
    semanticModelFile: z.string().min(1).max(2_000).optional().describe('Staged semantic model: @DATABASE.SCHEMA.STAGE/path/model.yaml.'),
    execute: z.boolean().default(false).describe('Also run the generated SQL (read-only) and return its first page.'),
    warehouse: statementContext.warehouse,
    role: statementContext.role,
    limit: rowLimit,
  }),
  output: z.object({
    requestId: z.string().optional(),
    interpretation: z.string().optional().describe("Cortex Analyst's text: its reading of the question, or why it cannot answer."),
    sql: z.string().optional().describe('The generated SQL; absent when Cortex asks for a clearer question.'),
    verifiedQuery: z.string().optional().describe('Name of the verified query Cortex reused, if any.'),
    suggestions: z.array(z.string()).optional().describe('Questions Cortex can answer, when this one was unclear.'),
    warnings: z.array(z.string()).optional(),
    result: statementOutput.optional().describe('First page of the SQL run, with execute: true.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  enabled: (config) => config.SNOWFLAKE_CORTEX_ANALYST,
  handler: async (input, ctx) => {
    const raw = await ctx.snowflake.analystMessage<unknown>(
      {
        messages: [{ role: 'user', content: [{ type: 'text', text: input.question }] }],
        ...semanticSource(input.semanticView, input.semanticModelFile, ctx.cortexDefaults),
        stream: false,
      },
      ctx.signal,
    );
    const parsed = analystAnswer.safeParse(raw);
    if (!parsed.success) {
      throw new ToolError('upstream_error', 'Cortex Analyst answered in an unexpected shape (no message content).');
    }
    const content = parsed.data.message?.content ?? [];
    const texts = content.filter((block) => block.type === 'text' && block.text).map((block) => block.text as string);
    const sqlBlock = content.find((block) => block.type === 'sql' && block.statement);
    const suggestions = content.flatMap((block) => (block.type === 'suggestions' ? (block.suggestions ?? []) : []));
    const warnings = (parsed.data.warnings ?? []).map((warning) => warning.message ?? '').filter(Boolean);
    const sql = sqlBlock?.statement;
    const answer = {
      requestId: parsed.data.request_id,
      interpretation: texts.length > 0 ? texts.join('\n\n') : undefined,
      sql,
      verifiedQuery: sqlBlock?.confidence?.verified_query_used?.name,
      suggestions: suggestions.length > 0 ? suggestions : undefined,
      warnings: warnings.length > 0 ? warnings : undefined,
    };
    if (!input.execute || !sql) return answer;
    refuseWrites(sql);
    const outcome = await ctx.snowflake.execute(sql, { warehouse: input.warehouse, role: input.role }, ctx.signal);
    return { ...answer, result: presentOutcome(outcome, input.limit, ctx.maxCellChars) };
  },
});

/** Generated SQL runs only when run_query's read-only guard would let it through. */
function refuseWrites(sql: string): void {
  try {
    assertReadOnly(sql);
  } catch (error) {
    throw ToolError.invalidInput(
      `Cortex Analyst generated SQL that was not executed because it is not a single read-only query (${(error as Error).message})`,
    );
  }
}

/** The request's semantic_view or semantic_model_file: the call's choice, else the configured default. */
function semanticSource(
  semanticView: string | undefined,
  semanticModelFile: string | undefined,
  defaults: { semanticView?: string; semanticModelFile?: string },
): { semantic_view: string } | { semantic_model_file: string } {
  if (semanticView && semanticModelFile) {
    throw ToolError.invalidInput('pass semanticView or semanticModelFile, not both.');
  }
  const view = semanticView ?? (semanticModelFile ? undefined : defaults.semanticView);
  if (view) return { semantic_view: qualifiedView(view) };
  const file = semanticModelFile ?? defaults.semanticModelFile;
  if (file) {
    if (!STAGED_MODEL.test(file)) {
      throw ToolError.invalidInput(`semanticModelFile "${file}" must be a staged YAML path: @DATABASE.SCHEMA.STAGE/path/model.yaml.`);
    }
    return { semantic_model_file: file };
  }
  throw ToolError.invalidInput(
    'name a semanticView (DATABASE.SCHEMA.VIEW) or semanticModelFile, or set SNOWFLAKE_CORTEX_SEMANTIC_VIEW on the server; ' +
      'list_semantic_views finds the views.',
  );
}

function qualifiedView(view: string): string {
  const parts = nameParts(view, 'semanticView', 3);
  if (parts.length !== 3) throw ToolError.invalidInput(`semanticView "${view}" must be fully qualified: DATABASE.SCHEMA.VIEW.`);
  return parts.join('.');
}
