// The app rows: each server's most typical read tool, as its production bundle
// (dist/apps/<app>/main.js) at LOG_LEVEL=info, against a fake of its upstream API on loopback
// (tools/bench/servers/upstreams/<app>.ts, answering with the app's own test fixtures), or against
// its embedded PGlite store. Adding a server: one appRow here and, with an upstream, one routes module.
import { toolCallBody } from '../mcp-response.mjs';

/**
 * @typedef {object} AppRowSpec
 * @property {string} tool
 * @property {Record<string, unknown>} args
 * @property {(result: any) => boolean} check  is the parsed JSON result the expected answer to the fake's data?
 * @property {(upstreamUrl: string, dataDir: string) => Record<string, string>} [env]
 * @property {boolean} [upstream]  false: no fake upstream (offline tool or embedded store)
 * @property {boolean} [embedded]
 * @property {Array<[string, Record<string, unknown>]>} [setup]  tool calls that seed an embedded store once
 */

/**
 * @param {string} app
 * @param {AppRowSpec} spec
 * @returns {import('./row.mjs').Row}
 */
function appRow(app, { tool, args, check, env = () => ({}), upstream = true, embedded = false, setup = [] }) {
  return {
    key: app,
    label: tool,
    kind: 'app',
    app,
    tool,
    body: toolCallBody(tool, args),
    verify: (text) => check(JSON.parse(text)) === true,
    env: (upstreamUrl, dataDir) => ({ LOG_LEVEL: 'info', ...env(upstreamUrl ?? '', dataDir) }),
    upstream,
    embedded,
    setup: setup.map(([name, setupArgs]) => toolCallBody(name, setupArgs)),
    observable: true,
  };
}

const tenItems = (/** @type {any} */ page) => Array.isArray(page.items) && page.items.length === 10;

/** Seed of ai-memory's store: what a search is run over. */
const MEMORIES = [
  'Prefers oat milk in coffee, never sugar.',
  'Works on the checkout team; standup at 9:30 CET.',
  'Allergic to peanuts.',
  'Favourite coffee place is the one by the station.',
  'Is migrating the billing service to PostgreSQL 17.',
  'Reads on the train; likes science fiction.',
  'Asked to be reminded about the dentist on Fridays.',
  'Uses Neovim with a light theme.',
  'Drinks decaf coffee after 4 pm.',
  'Plans a trip to Lisbon in May.',
];

export const APP_ROWS = [
  appRow('github-mcp', {
    tool: 'get_issue',
    args: { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347 },
    env: (url) => ({ GITHUB_TOKEN: 'ghp_bench_fake_token_0000', GITHUB_API_URL: url }),
    check: (issue) => issue.number === 1347 && issue.title === 'Found a bug' && issue.comments?.length === 2,
  }),
  appRow('gong-mcp', {
    tool: 'list_calls',
    args: { fromDateTime: '2026-11-01T00:00:00Z', toDateTime: '2026-11-30T00:00:00Z' },
    env: (url) => ({
      GONG_ACCESS_KEY: 'BENCHACCESSKEY000000',
      GONG_ACCESS_SECRET: 'bench-secret.0000',
      GONG_API_URL: url,
      // The pace exists for the real Gong (3/s); here it must not be what is measured.
      GONG_MAX_REQUESTS_PER_SECOND: '100000',
    }),
    check: (page) => tenItems(page) && page.items[0].id === '7782342274025937900' && page.items[0].durationSeconds === 1824,
  }),
  appRow('hubspot-mcp', {
    // Not search_crm_objects: HubSpot searches are paced client-side (HUBSPOT_SEARCH_PER_SECOND).
    tool: 'list_owners',
    args: {},
    env: (url) => ({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-bench0000-1111-2222-3333-444444444444', HUBSPOT_API_URL: url }),
    check: (page) => page.results?.length === 10 && page.results[0].name === 'Grace Hopper' && page.results[0].teams[0] === 'EMEA Sales',
  }),
  appRow('codacy-mcp', {
    tool: 'list_repositories',
    args: { provider: 'gh', organization: 'acme' },
    env: (url) => ({ CODACY_API_TOKEN: 'cdcy-bench-token-0000000000', CODACY_API_URL: `${url}/api/v3` }),
    check: (page) => tenItems(page) && page.total === 10 && page.items[0].name === 'web-app-1' && page.items[0].gradeLetter === 'B',
  }),
  appRow('figma-context-mcp', {
    tool: 'get_design_context',
    args: { file: 'FiLeKey1234567890abcdEF', nodeId: '1:2' },
    env: (url) => ({ FIGMA_TOKEN: 'figd_bench000000000000000000000000000000', FIGMA_API_URL: `${url}/v1` }),
    check: (design) => design.file?.name === 'Travel App' && design.nodes?.[0]?.id === '1:2' && design.nodes[0].name === 'Card',
  }),
  appRow('openrouter-search-mcp', {
    tool: 'search_models',
    args: { query: 'gemini flash' },
    // Default catalogue TTL (1 h): as deployed, the fake's /models answers once and every call
    // searches the in-process copy.
    env: (url) => ({ OPENROUTER_API_KEY: 'sk-or-v1-bench-key-000000000000', OPENROUTER_API_URL: `${url}/api/v1` }),
    check: (page) => page.items?.map((/** @type {{ id: string }} */ model) => model.id).join() === 'google/gemini-2.5-flash,google/gemini-2.5-flash-image',
  }),
  appRow('lambda-labs-mcp', {
    tool: 'list_instance_types',
    args: {},
    env: (url) => ({ LAMBDA_API_KEY: 'secret_lambda-bench_0000000000000000', LAMBDA_API_URL: `${url}/api/v1` }),
    check: (page) => page.total === 5 && page.items?.[0]?.name === 'gpu_1x_a10' && page.items[0].pricePerHourUsd === 0.75,
  }),
  appRow('portkey-admin-mcp', {
    tool: 'list_configs',
    args: {},
    env: (url) => ({ PORTKEY_API_KEY: 'pk-bench-key-0000000000', PORTKEY_API_URL: `${url}/v1` }),
    check: (page) => tenItems(page) && page.total === 10 && page.items[0].slug === 'pc-bench-1',
  }),
  appRow('ui-ux-agent-mcp', {
    // Offline tool: no key, no upstream (the server is ready without one).
    tool: 'check_contrast',
    args: { foreground: '#777777', background: '#ffffff' },
    upstream: false,
    check: (result) => result.ratio === 4.48 && result.verdicts?.AA?.normalText === false && result.verdicts.AA.largeText === true,
  }),
  appRow('asana-mcp', {
    // Three upstream requests in parallel: the task, its subtasks, its stories.
    tool: 'get_task',
    args: { taskGid: '1200000000001001' },
    env: (url) => ({ ASANA_TOKEN: '2/1200000000000001/1209999999999999:0123456789abcdef', ASANA_API_URL: `${url}/api/1.0` }),
    check: (task) => task.gid === '1200000000001001' && task.name === 'Buy catnip' && task.subtasks?.length === 2 && task.stories?.length === 2,
  }),
  appRow('linear-mcp', {
    tool: 'get_issue',
    args: { id: 'ENG-123' },
    env: (url) => ({ LINEAR_API_KEY: 'lin_api_bench000000000000000000', LINEAR_API_URL: `${url}/graphql` }),
    check: (issue) => issue.identifier === 'ENG-123' && issue.creator === 'Grace Hopper' && issue.comments?.length === 2,
  }),
  appRow('notion-mcp', {
    tool: 'search',
    args: { query: 'ship', limit: 10 },
    env: (url) => ({ NOTION_TOKEN: 'ntn_bench_token_000000', NOTION_API_URL: url }),
    check: (page) => tenItems(page) && page.items[0].title === 'Ship v1',
  }),
  appRow('slack-mcp', {
    // conversations.history, then the authors' and the channel's names.
    tool: 'read_channel',
    args: { channel: 'C1H9RESGL' },
    env: (url) => ({ SLACK_TOKEN: 'xoxp-1111-2222-3333-bench', SLACK_API_URL: `${url}/api/` }),
    check: (page) => page.channel?.name === 'busting' && page.messages?.length === 3 && page.messages[0].userName === 'Peter Venkman',
  }),
  appRow('snowflake-mcp', {
    tool: 'run_query',
    args: { sql: 'SELECT id, name, active FROM customers' },
    env: (url) => ({
      SNOWFLAKE_ACCOUNT: 'xy12345',
      SNOWFLAKE_TOKEN: 'pat-bench-000000',
      SNOWFLAKE_TOKEN_TYPE: 'PROGRAMMATIC_ACCESS_TOKEN',
      SNOWFLAKE_API_URL: url,
    }),
    check: (result) => result.status === 'succeeded' && result.rows?.length === 10 && result.rows[0][0] === 1 && result.rows[0][2] === true,
  }),
  appRow('postgres-mcp', {
    // The embedded PGlite database (no DATABASE_URL), restricted mode: a read-only transaction per call.
    tool: 'execute_sql',
    args: { sql: "SELECT n, 'row ' || n AS label FROM generate_series(1, 10) AS n" },
    env: (_url, dataDir) => ({ POSTGRES_DATA_DIR: dataDir }),
    upstream: false,
    embedded: true,
    check: (result) => result.rowCount === 10 && result.rows?.[9]?.label === 'row 10',
  }),
  appRow('ai-memory-mcp', {
    // The embedded PGlite store, full-text search (no embeddings endpoint configured).
    tool: 'search_memories',
    args: { user_id: 'bench-user', query: 'coffee' },
    env: (_url, dataDir) => ({ AI_MEMORY_DATA_DIR: dataDir }),
    upstream: false,
    embedded: true,
    setup: MEMORIES.map((text) => ['add_memory', { user_id: 'bench-user', text }]),
    check: (result) => result.mode === 'text' && result.results?.length === 3,
  }),
];
