// What a row of the benchmark is. Rows are data: one runner starts, loads and checks them all alike.

/**
 * @typedef {object} Row
 * @property {string} key       its name on the command line (--servers) and in the table
 * @property {string} label     what the table says it is
 * @property {'echo' | 'app'} kind  an echo server of tools/bench/servers, or an app's production bundle
 * @property {string} [app]     the app (kind 'app')
 * @property {string} [source]  servers/<source>.ts, built by the bench (kind 'echo')
 * @property {string} tool      the tool called
 * @property {string} body      the JSON-RPC tools/call request
 * @property {(text: string) => boolean} verify  whether the result's first text is the expected answer
 * @property {(upstreamUrl: string | undefined, dataDir: string) => Record<string, string>} env  the server's whole environment (besides PATH, port, host)
 * @property {boolean} upstream  whether it has a fake upstream (servers/upstreams/<app>.ts)
 * @property {boolean} embedded  whether its store is embedded (PGlite in a data dir, primed once before the rounds)
 * @property {string[]} setup    tool calls made once on the primed store, unmeasured (seed data)
 * @property {boolean} observable  whether it serves /metrics and logs each call (mcp-base)
 * @property {string} [twinOf]  an app row run again with V8's default heap (--heap-compare): the row it doubles
 */

export {};
