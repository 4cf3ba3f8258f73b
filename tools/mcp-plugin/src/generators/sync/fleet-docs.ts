import { configurationGap, secretEnvNames, type ManifestEntry } from '@sophia/mcp-manifest';
import { markdownTable } from './markers';

const byPort = (entries: readonly ManifestEntry[]) => [...entries].sort((a, b) => a.manifest.port - b.manifest.port);

/** `.cursor/mcp.json`: one entry per server, the bearer taken from the user's env by Cursor. */
export function cursorConfig(entries: readonly ManifestEntry[]): string {
  const mcpServers = Object.fromEntries(
    byPort(entries).map(({ manifest }) => [
      manifest.name.replace(/-mcp$/, ''),
      {
        url: `http://127.0.0.1:${manifest.port}/mcp`,
        headers: { Authorization: 'Bearer ${env:MCP_AUTH_TOKEN}' },
      },
    ]),
  );
  return `${JSON.stringify({ mcpServers }, null, 2)}\n`;
}

/** The root README's server table. */
export function serverTable(entries: readonly ManifestEntry[]): string {
  return markdownTable(
    ['server', 'port', 'upstream', 'credentials', 'docs'],
    byPort(entries).map(({ directory, manifest }) => [
      `\`${manifest.name}\``,
      String(manifest.port),
      manifest.title,
      credentialsCell(manifest),
      `[README](apps/${directory}/README.md)`,
    ]),
  );
}

/**
 * What a server needs before it is ready (the not_configured wording, credential alternatives
 * included), with every variable in code style; else "none", naming the secrets it can use.
 */
function credentialsCell(manifest: ManifestEntry['manifest']): string {
  const need = configurationGap(manifest, {})?.need;
  if (need) return need.replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, (name) => `\`${name}\``);
  const optional = secretEnvNames(manifest).map((name) => `\`${name}\``);
  return optional.length ? `none (optional: ${optional.join(', ')})` : 'none';
}
