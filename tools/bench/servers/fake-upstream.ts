/**
 * The fake upstream of an app row, on a loopback port: `node fake-upstream.mjs <app>` serves
 * the MSW handlers of upstreams/<app>.ts with serveFakeUpstream (the tests' helper on a real
 * socket).
 *
 * Protocol with tools/bench/run.mjs: prints one JSON line {"url": ...} when listening;
 * on SIGTERM prints {"requests": {...}} (counts by route, numeric path segments as {n}) and exits.
 */
import { serveFakeUpstream } from '@sophia/mcp-testing';
import { UPSTREAM_ROUTES } from './upstreams';

async function main(): Promise<void> {
  const app = process.argv[2] ?? '';
  const routes = UPSTREAM_ROUTES[app];
  if (!routes) throw new Error(`no fake upstream for "${app}": add tools/bench/servers/upstreams/${app}.ts and list it in upstreams/index.ts`);
  const fake = await serveFakeUpstream((await routes()).handlers);
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);

  const stop = async () => {
    const counts: Record<string, number> = {};
    for (const { method, path } of fake.requests) {
      const route = `${method} ${path.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/{n}')}`;
      counts[route] = (counts[route] ?? 0) + 1;
    }
    process.stdout.write(`${JSON.stringify({ requests: counts })}\n`);
    await fake.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`fake upstream: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
