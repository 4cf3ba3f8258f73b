/** Options of `nx g ./tools/mcp-plugin:mcp-tool` (see schema.json). */
export interface McpToolOptions {
  project: string;
  name: string;
  toolset: string;
  route?: string;
  title?: string;
  description?: string;
}
