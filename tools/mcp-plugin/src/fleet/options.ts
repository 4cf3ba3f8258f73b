import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

export interface FleetOptions {
  help: boolean;
  /** Build the selected bundles first (Nx caches it); `--no-build` uses what is in dist/. */
  build: boolean;
  /** Workspace root: where apps/*\/mcp-server.json, dist/apps and tmp/fleet live. */
  root: string;
  /** Server names as typed (`github` or `github-mcp`); empty = every server. */
  names: string[];
}

/** This file sits in tools/mcp-plugin/src/fleet, four levels below the workspace root. */
export const DEFAULT_ROOT = resolve(__dirname, '../../../..');

export const HELP = `Usage: npm start [-- [options] [server ...]]

Starts every MCP server of the workspace (or the named ones) from its built bundle
(dist/apps/<app>/main.js) on the port in its apps/<app>/mcp-server.json, shows a live
status table, and stops them all on Ctrl-C.

  server        short or full name: github or github-mcp (default: all servers)
  --no-build    use the existing bundles instead of running
                npx nx run-many -t build --projects=<servers> first
  --root <dir>  workspace root (default: this repository)
  -h, --help    this text

Each server gets your environment plus MCP_PORT=<its port>, so credentials work as
for one server (e.g. GITHUB_TOKEN=... npm start). Each server's output goes to
tmp/fleet/<app>.log under the workspace root.`;

export function parseFleetOptions(argv: readonly string[]): FleetOptions {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        'no-build': { type: 'boolean', default: false },
        root: { type: 'string' },
      },
    });
    return {
      help: values.help,
      build: !values['no-build'],
      root: resolve(values.root ?? DEFAULT_ROOT),
      names: positionals,
    };
  } catch (error) {
    // parseArgs' own message names the bad option; add where to look for the good ones.
    throw new CliError(`${(error as Error).message}\nRun with --help for the options.`, 2);
  }
}
