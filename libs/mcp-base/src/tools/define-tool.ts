import type { z } from 'zod';
import type { Logger } from '../observability/logger';

/** MCP tool annotations, with `readOnlyHint` required: every tool must say whether it writes. */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

/** The fleet's write policy as resolved for this server (MCP_READ_ONLY, MCP_ALLOW_DESTRUCTIVE, writePolicy). */
export interface WritePolicy {
  readOnly: boolean;
  allowDestructive: boolean;
}

/** What a handler gets besides its input: the app's context plus per-call facts. */
export type ToolContext<AppContext> = AppContext & {
  /** Aborts on client cancel and on the per-call timeout: pass it to every upstream request. */
  signal: AbortSignal;
  requestId: string;
  logger: Logger;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyObjectSchema = z.ZodObject<any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ToolDefinition<AppContext = unknown, Input extends AnyObjectSchema = AnyObjectSchema, Config = any> {
  /** snake_case, stable public API. */
  name: string;
  /** Group name that MCP_TOOLSETS filters on. */
  toolset: string;
  title: string;
  /** When to use it, what it returns, limits. Shown to the model. */
  description: string;
  input: Input;
  /** Optional schema of the result; when set, results also go out as structuredContent. */
  output?: z.ZodType;
  annotations: ToolAnnotations;
  /**
   * Whether this server serves the tool at all, decided once from the app's resolved configuration
   * (after the Pulumi ESC merge) and the write policy, e.g. a search that needs a user token.
   * Absent: always. MCP_READ_ONLY and the write policy still apply on top.
   */
  enabled?(config: Config, policy: WritePolicy): boolean;
  /** Returns JSON-serialisable data (or a string). Throws ToolError for expected failures; no try/catch needed. */
  handler: (input: z.output<Input>, ctx: ToolContext<AppContext>) => Promise<unknown>;
}

/** Declares a tool as data. The registry wraps the handler; tools never see the SDK server. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineTool<AppContext, Input extends AnyObjectSchema, Config = any>(
  tool: ToolDefinition<AppContext, Input, Config>,
): ToolDefinition<AppContext, Input, Config> {
  if (!/^[a-z][a-z0-9_]*$/.test(tool.name)) {
    throw new Error(`Tool name "${tool.name}" must be snake_case`);
  }
  return tool;
}

/**
 * Binds defineTool to an app's context (and, for `enabled`, config) type once, so tool files need
 * no annotations: `export const defineGithubTool = toolDefiner<GithubContext>();`
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toolDefiner<AppContext, Config = any>() {
  return <Input extends AnyObjectSchema>(tool: ToolDefinition<AppContext, Input, Config>) =>
    defineTool<AppContext, Input, Config>(tool);
}

/** A list of tools with their input types erased, as apps export from tools/index.ts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ToolList<AppContext> = ReadonlyArray<ToolDefinition<AppContext, any>>;
