/** Options of `nx g ./tools/mcp-plugin:mcp-server` (see schema.json). */
export interface McpServerOptions {
  name: string;
  title?: string;
  description?: string;
  port?: number;
  secret?: string;
  apiUrl?: string;
}
