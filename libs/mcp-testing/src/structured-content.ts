import { z } from 'zod';
import type { McpAppDefinition } from '@sophia/mcp-base';
import { listedTools } from './served-tools';
import { toolCaller } from './tool-caller';
import { resultJson, type ToolResultLike } from './tool-result';

/**
 * The structuredContent of a successful call, after checking what clients of either generation rely
 * on: it is the same data as the JSON text block, and it validates against the declared output schema
 * (`outputOf(tools, name)`, or the schema a tool file exports). Returned as sent, not as parsed.
 */
export function structuredContent<T = Record<string, unknown>>(result: ToolResultLike, output: z.ZodType<T>): T {
  const json = resultJson(result); // throws with the error text when the call failed
  const content = (result as { structuredContent?: unknown }).structuredContent;
  expect(content).toEqual(json);
  const check = output.safeParse(content);
  if (!check.success) throw new Error(`structuredContent does not match the declared output schema:\n${z.prettifyError(check.error)}`);
  return content as T;
}

/**
 * The output schema the app declares for a tool. Variants of one name (picked by configuration)
 * give the union of theirs: a result validates against the one that was served.
 */
export function outputOf<T = Record<string, unknown>>(tools: ReadonlyArray<{ name: string; output?: z.ZodType }>, name: string): z.ZodType<T> {
  const outputs = tools.filter((tool) => tool.name === name).map((tool) => tool.output);
  if (!outputs.length) throw new Error(`no tool ${name} in this app`);
  const declared = outputs.filter((output): output is z.ZodType => output !== undefined);
  if (declared.length < outputs.length) throw new Error(`${name} declares no output schema`);
  // The spec names the shape it reads (T); the schema checks it at run time.
  return (declared.length === 1 ? declared[0] : z.union(declared)) as z.ZodType<T>;
}

export interface StructuredContentOptions<Config, AppContext> {
  app: McpAppDefinition<Config, AppContext>;
  /** An environment that serves every tool of the app (writes and switches on). */
  env: Record<string, string>;
  /** One successful call per tool, by name: its arguments. Every tool of the app must be here. */
  calls: Record<string, Record<string, unknown>>;
}

/**
 * For every tool of the app, the same idea (issue #13): it lists an object output schema, and a
 * successful call's structuredContent equals its JSON text and validates against that schema.
 * Call it inside the describe whose fake upstream answers `calls` (one answer per endpoint).
 */
export function describeStructuredContent<Config, AppContext>({ app, env, calls }: StructuredContentOptions<Config, AppContext>): void {
  const names = [...new Set(app.tools.map((tool) => tool.name))].sort();
  const callTool = toolCaller(app, env);

  describe('structuredContent of every tool', () => {
    it('has a call for every tool; the environment serves each, with an object output schema', async () => {
      expect(Object.keys(calls).sort()).toEqual(names);
      const listed = await listedTools(app, env);
      expect(listed.map((tool) => tool.name).sort()).toEqual(names);
      expect(listed.filter((tool) => tool.outputSchema?.type !== 'object').map((tool) => tool.name)).toEqual([]);
    });

    it.each(names)('%s: structuredContent equals the JSON text and validates against the output schema', async (name) => {
      structuredContent(await callTool(name, calls[name] ?? {}), outputOf(app.tools, name));
    });
  });
}
