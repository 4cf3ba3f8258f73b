// The benchmark's rows as data: what each server is, how it is started and which tools/call
// it answers. Rows a and b are the echo servers built from tools/bench/servers/; every other
// row is an app's built bundle (dist/apps/<app>/main.js) doing one typical read, against its
// fake upstream (tools/bench/servers/upstreams/<app>.ts) when it has one. Adding a server is
// one appRow entry here and one routes module there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD_DIR = path.join(ROOT, 'tmp', 'bench', 'build');

export const appBundle = (app) => path.join(ROOT, 'dist', 'apps', app, 'main.js');

function toolCall(name, args) {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } });
}

const echoBody = toolCall('echo', { message: 'hello bench' });
const verifyEcho = (text) => JSON.parse(text).echoed === 'hello bench';

/**
 * A row running an app's built bundle at LOG_LEVEL=info with `env(upstreamUrl)`, calling `tool`
 * with `args`; `check` gets the result's JSON text parsed and says whether it is the expected
 * answer to the fake's data. `upstream: false` for a server that needs none.
 */
function appRow(key, { app, tool, args, env = () => ({}), check, upstream = true }) {
  return {
    key,
    name: `${key} ${app} ${tool}`,
    app,
    bundle: () => appBundle(app),
    env: (upstreamUrl) => ({ LOG_LEVEL: 'info', ...env(upstreamUrl) }),
    body: toolCall(tool, args),
    verify: (text) => check(JSON.parse(text)) === true,
    observable: true,
    upstream,
  };
}

const tenItems = (page) => Array.isArray(page.items) && page.items.length === 10;

export const ROWS = [
  {
    key: 'a',
    name: 'a mcp-base echo',
    bundle: () => path.join(BUILD_DIR, 'base-echo.mjs'),
    env: () => ({ LOG_LEVEL: 'info' }),
    body: echoBody,
    verify: verifyEcho,
    observable: true,
  },
  {
    key: 'b',
    name: 'b bare SDK v2 echo',
    bundle: () => path.join(BUILD_DIR, 'bare-echo.mjs'),
    env: () => ({}),
    body: echoBody,
    verify: verifyEcho,
    observable: false,
  },
  appRow('c', {
    app: 'github-mcp',
    tool: 'get_issue',
    args: { owner: 'octocat', repo: 'Hello-World', issueNumber: 1347 },
    env: (url) => ({ GITHUB_TOKEN: 'ghp_bench_fake_token_0000', GITHUB_API_URL: url }),
    check: (issue) => issue.number === 1347 && issue.title === 'Found a bug' && issue.comments?.length === 2,
  }),
  appRow('d', {
    app: 'gong-mcp',
    tool: 'list_calls',
    args: { fromDateTime: '2026-11-01T00:00:00Z', toDateTime: '2026-11-30T00:00:00Z' },
    env: (url) => ({
      GONG_ACCESS_KEY: 'BENCHACCESSKEY000000',
      GONG_ACCESS_SECRET: 'bench-secret.0000',
      GONG_API_URL: url,
      // The pace exists for the real Gong (3/s); here it must not be what is measured. Its floor is
      // one start per millisecond (1000/s), above what this row reaches on the bench machine.
      GONG_MAX_REQUESTS_PER_SECOND: '100000',
    }),
    check: (page) => tenItems(page) && page.items[0].id === '7782342274025937900' && page.items[0].durationSeconds === 1824,
  }),
  appRow('e', {
    app: 'hubspot-mcp',
    // Not search_crm_objects: HubSpot searches are paced client-side (HUBSPOT_SEARCH_PER_SECOND).
    tool: 'list_owners',
    args: {},
    env: (url) => ({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-bench0000-1111-2222-3333-444444444444', HUBSPOT_API_URL: url }),
    check: (page) => page.results?.length === 10 && page.results[0].name === 'Grace Hopper' && page.results[0].teams[0] === 'EMEA Sales',
  }),
  appRow('f', {
    app: 'codacy-mcp',
    tool: 'list_repositories',
    args: { provider: 'gh', organization: 'acme' },
    env: (url) => ({ CODACY_API_TOKEN: 'cdcy-bench-token-0000000000', CODACY_API_URL: `${url}/api/v3` }),
    check: (page) => tenItems(page) && page.total === 10 && page.items[0].name === 'web-app-1' && page.items[0].gradeLetter === 'B',
  }),
  appRow('g', {
    app: 'figma-context-mcp',
    tool: 'get_design_context',
    args: { file: 'FiLeKey1234567890abcdEF', nodeId: '1:2' },
    env: (url) => ({ FIGMA_TOKEN: 'figd_bench000000000000000000000000000000', FIGMA_API_URL: `${url}/v1` }),
    check: (design) => design.file?.name === 'Travel App' && design.nodes?.[0]?.id === '1:2' && design.nodes[0].name === 'Card',
  }),
  appRow('h', {
    app: 'openrouter-search-mcp',
    tool: 'search_models',
    args: { query: 'gemini flash' },
    // Default catalogue TTL (3600 s): as deployed, the fake's /models answers once and every call
    // searches the in-process copy.
    env: (url) => ({ OPENROUTER_API_KEY: 'sk-or-v1-bench-key-000000000000', OPENROUTER_API_URL: `${url}/api/v1` }),
    check: (page) => page.items?.map((model) => model.id).join() === 'google/gemini-2.5-flash,google/gemini-2.5-flash-image',
  }),
  appRow('i', {
    app: 'lambda-labs-mcp',
    tool: 'list_instance_types',
    args: {},
    env: (url) => ({ LAMBDA_API_KEY: 'secret_lambda-bench_0000000000000000', LAMBDA_API_URL: `${url}/api/v1` }),
    check: (page) => page.total === 5 && page.items?.[0]?.name === 'gpu_1x_a10' && page.items[0].pricePerHourUsd === 0.75,
  }),
  appRow('j', {
    app: 'portkey-admin-mcp',
    tool: 'list_configs',
    args: {},
    env: (url) => ({ PORTKEY_API_KEY: 'pk-bench-key-0000000000', PORTKEY_API_URL: `${url}/v1` }),
    check: (page) => tenItems(page) && page.total === 10 && page.items[0].slug === 'pc-bench-1',
  }),
  appRow('k', {
    app: 'ui-ux-agent-mcp',
    // Offline tool: no key, no upstream (the server is ready without one).
    tool: 'check_contrast',
    args: { foreground: '#777777', background: '#ffffff' },
    upstream: false,
    check: (result) => result.ratio === 4.48 && result.verdicts?.AA?.normalText === false && result.verdicts.AA.largeText === true,
  }),
];
