import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { secretEnvNames, type ServerManifest } from '@sophia/mcp-manifest';
import { connectHttpClient, rawRequest, startServerProcess } from './http-harness';

export interface SecretLeakOptions {
  /** The built bundle to run. */
  bundle: string;
  manifest: ServerManifest;
  /** The spec's configured environment; its secrets are kept (they make the server work), the others get recognisable values. */
  configuredEnv: Record<string, string>;
  sampleCall: { name: string; arguments: Record<string, unknown> };
}

const MARK = 'leak7f3a9c';
/** A named client token (MCP_AUTH_TOKENS): a second bearer identity, scrubbed like MCP_AUTH_TOKEN. */
const NAMED_CLIENT_TOKEN = `${MARK}-named-client-token-0123456789`;

/**
 * Every secret the manifest declares (plus MCP_AUTH_TOKEN and MCP_AUTH_TOKENS) with a value: the spec's
 * own where it has one, else a recognisable one. A connection string carries a recognisable password.
 */
export function recognisableSecrets(manifest: ServerManifest, configuredEnv: Record<string, string>): Record<string, string> {
  const names = [...secretEnvNames(manifest), 'MCP_AUTH_TOKEN'];
  const secrets = Object.fromEntries(
    names.map((name) => {
      const own = configuredEnv[name];
      if (own && own.length >= 6) return [name, own];
      // Port 9 (discard) refuses at once: the store cannot open, every call fails.
      // The bearer token must be long enough to be accepted (MIN_AUTH_TOKEN_LENGTH).
      if (name === 'MCP_AUTH_TOKEN') return [name, `${MARK}-bearer-token-0123456789abcdef`];
      if (name.endsWith('_URL')) return [name, `postgres://${MARK}_user:${MARK}-pw-${name}@127.0.0.1:9/${MARK}`];
      return [name, `${MARK}-${name}-value`];
    }),
  );
  return { ...secrets, MCP_AUTH_TOKENS: `leak-client:${NAMED_CLIENT_TOKEN}` };
}

/** What must never appear: each value, a connection string's password, and each long line of a multi-line value (PEM). */
export function forbiddenStrings(secrets: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const value of Object.values(secrets)) {
    out.add(value);
    for (const line of value.split(/\\n|\n/)) if (line.length >= 16 && !line.startsWith('-----')) out.add(line);
    const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@]+)@/i.exec(value)?.[1];
    if (password) out.add(password);
    // Each token of a name:token list (MCP_AUTH_TOKENS).
    for (const pair of value.split(',')) {
      const token = /^[A-Za-z0-9._-]+:([^/].*)$/.exec(pair)?.[1];
      if (token && token.length >= 16) out.add(token);
    }
  }
  return [...out];
}

/**
 * An upstream that fails every request the way careless vendors do: 401 with the credentials it
 * was sent echoed in every field our error mapping reads (message, error, errors[0].message, …).
 */
async function echoingUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const echoed = `rejected ${request.headers['authorization'] ?? ''} ${request.headers['x-api-key'] ?? ''} for ${request.url} ${body}`;
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          ok: false,
          error: echoed,
          message: echoed,
          errors: [{ message: echoed }],
          error_description: echoed,
          detail: echoed,
          code: '390144',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The sample call's string arguments replaced by a secret: not-found and invalid-input errors echo arguments. */
function withSecretArguments(call: SecretLeakOptions['sampleCall'], secret: string) {
  const args = Object.fromEntries(Object.entries(call.arguments).map(([key, value]) => [key, typeof value === 'string' ? secret : value]));
  return { name: call.name, arguments: args };
}

/**
 * Starts the bundle with every secret set, debug logging, and an upstream that echoes credentials;
 * drives failing calls; returns everything the outside world could see, and the values to look for.
 */
export async function observeWithSecrets(options: SecretLeakOptions) {
  const { manifest, configuredEnv } = options;
  const secrets = recognisableSecrets(manifest, configuredEnv);
  const upstream = await echoingUpstream();
  // Every upstream base URL points at the echoing upstream (the declared <SERVICE>_API_URL variables).
  const upstreamUrls = Object.fromEntries(Object.keys(manifest.env).filter((name) => name.endsWith('_API_URL')).map((name) => [name, upstream.url]));
  const env = { ...configuredEnv, ...upstreamUrls, ...secrets, LOG_LEVEL: 'debug', MCP_TOOL_TIMEOUT_MS: '8000' };
  const seen: string[] = [];
  const results: Array<{ isError?: boolean }> = [];
  const server = await startServerProcess(options.bundle, env, { timeoutMs: 30_000 });
  try {
    const client = await connectHttpClient(server.mcpUrl, { token: secrets['MCP_AUTH_TOKEN'] });
    const calls = [
      options.sampleCall,
      withSecretArguments(options.sampleCall, Object.values(secrets)[0] ?? MARK),
      { name: options.sampleCall.name, arguments: { ...options.sampleCall.arguments, limit: -1 } },
    ];
    for (const call of calls) {
      const result = (await client.callTool(call)) as { isError?: boolean };
      results.push(result);
      seen.push(JSON.stringify(result));
    }
    await client.close();
    // The same failing call from a named client: its token is scrubbed too (audit lines name the client).
    const named = await connectHttpClient(server.mcpUrl, { token: NAMED_CLIENT_TOKEN });
    const namedResult = (await named.callTool(withSecretArguments(options.sampleCall, NAMED_CLIENT_TOKEN))) as { isError?: boolean };
    results.push(namedResult);
    seen.push(JSON.stringify(namedResult));
    await named.close();
    seen.push((await rawRequest(`${server.baseUrl}/metrics`)).body, (await rawRequest(`${server.baseUrl}/readyz`)).body);
  } finally {
    await server.stop();
    await upstream.close();
  }
  seen.push(server.output());
  return { seen: seen.join('\n'), results, forbidden: forbiddenStrings(secrets) };
}
