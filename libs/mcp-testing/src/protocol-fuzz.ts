import fc from 'fast-check';
import { rawRequest } from './http-harness';

/**
 * A seeded protocol fuzz of one running server on loopback: malformed JSON-RPC, batches, deep
 * nesting, bodies over the size limit, wrong content types, prototype-pollution keys and
 * wrong-typed arguments to the server's real tools. Every request must get an answer below 500.
 * fast-check draws the requests from the seed; a failure prints the seed, the path and the
 * (small) description of the request that got a 5xx or no answer.
 */
export interface ProtocolFuzzOptions {
  /** POST /mcp of the running server. */
  mcpUrl: string;
  /** The server's tools (from tools/list): names and input property names. */
  tools: Array<{ name: string; inputSchema?: { properties?: Record<string, unknown> } }>;
  /** Replay a failure with its seed (MCP_FUZZ_SEED); default: a new seed each run. */
  seed?: number;
  /** Requests at most (default 150). */
  runs?: number;
  /** Stops drawing new requests after this long (default 2,500 ms): the fuzz is bounded in time. */
  timeLimitMs?: number;
  /** The server's MCP_MAX_BODY_BYTES (default 1 MiB): "huge" bodies go just past it. */
  maxBodyBytes?: number;
}

export interface ProtocolFuzzReport {
  seed: number;
  requests: number;
  /** Answers by HTTP status, e.g. { 200: 120, 400: 40, 413: 3 }. */
  statuses: Record<number, number>;
  /** The request that took longest to answer, for a run that drew fewer requests than expected. */
  slowest?: { ms: number; request: string };
}

/** The seed a run uses: MCP_FUZZ_SEED when set (to replay a failure), else a fresh one. */
export function fuzzSeed(): number {
  const fromEnv = Number(process.env['MCP_FUZZ_SEED']);
  return Number.isInteger(fromEnv) ? fromEnv : Math.floor(Math.random() * 2 ** 31);
}

/** JSON as a tree we serialise ourselves, so keys like `__proto__` stay own keys of the text. */
type Json = null | boolean | number | string | Json[] | { entries: Array<[string, Json]> };

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const METHODS = ['initialize', 'ping', 'tools/list', 'tools/call', 'resources/list', 'resources/read', 'prompts/list', 'prompts/get', 'completion/complete', 'logging/setLevel', 'notifications/initialized', 'notifications/cancelled', 'server/discover'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', ''];
const ACCEPTS = ['application/json, text/event-stream', 'application/json', 'text/event-stream', '*/*', 'text/html', ''];
const VERSIONS = ['2025-11-25', '2025-06-18', '2026-07-28', '1999-01-01', 'garbage', ''];

const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 }));
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1e308, -0, 2 ** 53 + 1)),
    // binary: lone surrogates and control characters included.
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
}));

function text(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(text).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${value.entries.map(([name, item]) => `${JSON.stringify(name)}:${text(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const object = (entries: Array<[string, Json | undefined]>): Json => ({
  entries: entries.filter((entry): entry is [string, Json] => entry[1] !== undefined),
});

/** A JSON-RPC message with each member sometimes missing, mistyped or hostile. */
const message = fc
  .record({
    jsonrpc: fc.option(fc.oneof(fc.constant<Json>('2.0'), json), { nil: undefined, freq: 6 }),
    id: fc.option(fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), json), { nil: undefined, freq: 6 }),
    method: fc.option(fc.oneof(fc.constantFrom(...METHODS, ...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), { nil: undefined, freq: 8 }),
    params: fc.option(json, { nil: undefined, freq: 3 }),
  })
  .map((parts) => object([['jsonrpc', parts.jsonrpc], ['id', parts.id], ['method', parts.method], ['params', parts.params]]));

type HostileBody =
  | { kind: 'garbage'; text: string }
  | { kind: 'truncated'; message: Json; keep: number }
  | { kind: 'message'; message: Json }
  | { kind: 'batch'; messages: Json[] }
  | { kind: 'deep'; depth: number; open: '[' | '{"a":' }
  | { kind: 'huge'; overBy: number }
  | { kind: 'tool-call'; tool: string; args: Array<[string, Json]> };

export interface HostileRequest {
  body: HostileBody;
  contentType: string;
  accept: string;
  version: string;
}

function hostileRequests(options: ProtocolFuzzOptions): fc.Arbitrary<HostileRequest> {
  const tools = options.tools.length ? options.tools : [{ name: 'no_such_tool' }];
  // Argument names the tools declare, given values of any type (mostly the wrong one).
  const toolCall = fc.constantFrom(...tools).chain((tool) => {
    const declared = Object.keys(tool.inputSchema?.properties ?? {});
    const argName = declared.length ? fc.oneof({ arbitrary: fc.constantFrom(...declared), weight: 3 }, key) : key;
    return fc.record({
      kind: fc.constant('tool-call' as const),
      tool: fc.constant(tool.name),
      args: fc.array(fc.tuple(argName, json), { maxLength: 5 }),
    });
  });
  const body: fc.Arbitrary<HostileBody> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ unit: 'binary', maxLength: 200 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('truncated' as const), message, keep: fc.nat({ max: 200 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('message' as const), message }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('batch' as const), messages: fc.array(message, { maxLength: 12 }) }), weight: 2 },
    {
      arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 30, max: 100_000 }), open: fc.constantFrom('[' as const, '{"a":' as const) }),
      weight: 1,
    },
    { arbitrary: fc.record({ kind: fc.constant('huge' as const), overBy: fc.integer({ min: 1, max: 200_000 }) }), weight: 1 },
    { arbitrary: toolCall, weight: 6 },
  );
  return fc.record({
    body,
    // Mostly what a client sends, so the body reaches the JSON-RPC layer; sometimes not.
    contentType: fc.oneof({ arbitrary: fc.constant('application/json'), weight: 4 }, fc.constantFrom(...CONTENT_TYPES)),
    accept: fc.oneof({ arbitrary: fc.constant(ACCEPTS[0] as string), weight: 4 }, fc.constantFrom(...ACCEPTS)),
    version: fc.oneof({ arbitrary: fc.constant(VERSIONS[0] as string), weight: 4 }, fc.constantFrom(...VERSIONS)),
  });
}

function bodyText(body: HostileBody, maxBodyBytes: number): string {
  switch (body.kind) {
    case 'garbage':
      return body.text;
    case 'truncated':
      return text(body.message).slice(0, body.keep);
    case 'message':
      return text(body.message);
    case 'batch':
      return `[${body.messages.map(text).join(',')}]`;
    case 'deep':
      return `${body.open.repeat(body.depth)}1${(body.open === '[' ? ']' : '}').repeat(body.depth)}`;
    case 'huge':
      return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(maxBodyBytes + body.overBy) } });
    case 'tool-call':
      return text(object([['jsonrpc', '2.0'], ['id', 7], ['method', 'tools/call'], ['params', object([['name', body.tool], ['arguments', { entries: body.args }]])]]));
  }
}

/** Runs the fuzz; rejects (with the seed) on the first request answered 5xx or not at all. */
export async function fuzzProtocol(options: ProtocolFuzzOptions): Promise<ProtocolFuzzReport> {
  const seed = options.seed ?? fuzzSeed();
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const report: ProtocolFuzzReport = { seed, requests: 0, statuses: {} };
  const property = fc.asyncProperty(hostileRequests(options), async (request) => {
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.accept) headers['accept'] = request.accept;
    if (request.version) headers['mcp-protocol-version'] = request.version;
    const started = Date.now();
    const answer = await rawRequest(options.mcpUrl, { method: 'POST', headers, body: bodyText(request.body, maxBodyBytes) });
    const ms = Date.now() - started;
    if (ms > (report.slowest?.ms ?? -1)) report.slowest = { ms, request: fc.stringify(request).slice(0, 300) };
    report.requests += 1;
    report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
    if (answer.status >= 500) throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
  });
  try {
    await fc.assert(property, {
      seed,
      numRuns: options.runs ?? 150,
      interruptAfterTimeLimit: options.timeLimitMs ?? 2_500,
      // Each run is a real HTTP request: report the first failure as drawn, do not shrink it.
      endOnFailure: true,
    });
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    throw new Error(`protocol fuzz failed (replay with MCP_FUZZ_SEED=${seed}): ${cause?.message ?? ''}\n${(error as Error).message}`);
  }
  return report;
}
