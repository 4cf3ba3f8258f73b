/** Options of `nx g ./tools/mcp-plugin:mcp-tool` (see schema.json). */
export interface McpToolOptions {
  project: string;
  name: string;
  toolset: string;
  /** Required: whether the tool only reads. Never guessed from the upstream call. */
  readOnly: boolean;
  /** A write that destroys data or costs money (off unless the server enables destructive tools). */
  destructive?: boolean;
  route?: string;
  title?: string;
  description?: string;
}
