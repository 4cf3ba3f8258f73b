import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { connectHttpClient, connectLegacyHttpClient, jsonRpcPost, rawRequest, startServerProcess } from './http-harness';
import { resultError } from './tool-result';

export interface HttpSpecOptions {
  /** Nx app name; the bundle is dist/apps/<app>/main.js (built by the e2e target's dependsOn). */
  app: string;
  /** Environment with (fake) credentials, so the server counts as configured. */
  configuredEnv: Record<string, string>;
  /** The secrets the manifest lists; each one's absence must be named. */
  secrets: readonly string[];
  /** A valid call, used for the not-configured check. */
  sampleCall: { name: string; arguments: Record<string, unknown> };
  /** Tools that write: must disappear with MCP_READ_ONLY=true. */
  writeTools: readonly string[];
}

/** The built bundle of an app, found from the workspace root. */
export function bundlePath(app: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('workspace root (nx.json) not found');
    dir = parent;
  }
  const bundle = join(dir, 'dist', 'apps', app, 'main.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} does not exist: run \`npx nx build ${app}\` first`);
  return bundle;
}

/**
 * Transport-level checks every server passes as a real process on its port: health,
 * readiness, Host/Origin/method/auth rejections, both SDK generations, read-only mode,
 * graceful SIGTERM. App-specific e2e specs add a tool call against a fake upstream.
 */
export function describeServerOverHttp(options: HttpSpecOptions): void {
  describe(`${options.app} over HTTP (built bundle)`, () => {
    it('is healthy and ready, and rejects foreign Host, foreign Origin and GET', async () => {
      const server = await startServerProcess(bundlePath(options.app), options.configuredEnv);
      try {
        expect((await rawRequest(`${server.baseUrl}/healthz`)).status).toBe(200);
        expect((await rawRequest(`${server.baseUrl}/readyz`)).status).toBe(200);
        const post = jsonRpcPost();
        const evilHost = await rawRequest(server.mcpUrl, { ...post, headers: { ...post.headers, host: 'evil.example' } });
        expect(evilHost.status).toBe(403);
        const evilOrigin = await rawRequest(server.mcpUrl, {
          ...post,
          headers: { ...post.headers, origin: 'http://evil.example' },
        });
        expect(evilOrigin.status).toBe(403);
        expect((await rawRequest(server.mcpUrl)).status).toBe(405);
        const badVersion = await rawRequest(server.mcpUrl, {
          ...post,
          headers: { ...post.headers, 'mcp-protocol-version': '1999-01-01' },
        });
        expect(badVersion.status).toBe(400);
        // Probes arrive with the pod IP as Host: health stays outside the Host guard.
        expect((await rawRequest(`${server.baseUrl}/healthz`, { headers: { host: '10.42.0.7:9003' } })).status).toBe(200);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    });

    it('serves the 2026-07-28 client (SDK v2) and the 2025 client (SDK v1) the same tools', async () => {
      const server = await startServerProcess(bundlePath(options.app), options.configuredEnv);
      try {
        const modern = await connectHttpClient(server.mcpUrl);
        const legacy = await connectLegacyHttpClient(server.mcpUrl);
        const modernNames = (await modern.listTools()).tools.map((tool) => tool.name);
        const legacyNames = (await legacy.listTools()).tools.map((tool) => tool.name);
        await Promise.all([modern.close(), legacy.close()]);
        expect(modernNames.length).toBeGreaterThan(0);
        expect(legacyNames).toEqual(modernNames);
      } finally {
        await server.stop();
      }
    });

    it('without credentials: healthy, not ready, and each call names the missing variable', async () => {
      const env = { ...options.configuredEnv };
      for (const secret of options.secrets) delete env[secret];
      const server = await startServerProcess(bundlePath(options.app), env);
      try {
        expect((await rawRequest(`${server.baseUrl}/healthz`)).status).toBe(200);
        const ready = await rawRequest(`${server.baseUrl}/readyz`);
        expect(ready.status).toBe(503);
        expect(JSON.parse(ready.body)).toMatchObject({ status: 'not_configured', missing: [...options.secrets] });
        const client = await connectLegacyHttpClient(server.mcpUrl);
        const message = resultError(await client.callTool(options.sampleCall));
        await client.close();
        for (const secret of options.secrets) expect(message).toContain(secret);
      } finally {
        await server.stop();
      }
    });

    it('requires the bearer token when MCP_AUTH_TOKEN is set, and hides write tools in read-only mode', async () => {
      const token = 'local-test-token-123';
      const server = await startServerProcess(bundlePath(options.app), {
        ...options.configuredEnv,
        MCP_AUTH_TOKEN: token,
        MCP_READ_ONLY: 'true',
      });
      try {
        const anonymous = await rawRequest(server.mcpUrl, jsonRpcPost());
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
        const wrong = await rawRequest(server.mcpUrl, {
          ...jsonRpcPost(),
          headers: { ...jsonRpcPost().headers, authorization: 'Bearer nope' },
        });
        expect(wrong.status).toBe(401);
        const client = await connectHttpClient(server.mcpUrl, { token });
        const names = (await client.listTools()).tools.map((tool) => tool.name);
        await client.close();
        for (const name of options.writeTools) expect(names).not.toContain(name);
      } finally {
        await server.stop();
      }
    });
  });
}
