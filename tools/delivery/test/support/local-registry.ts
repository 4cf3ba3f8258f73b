import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls a URL until it answers `status`, or fails after `timeoutMs` with the last outcome. */
export async function waitFor(url: string, status = 200, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === status) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

/** Debian's docker-registry (distribution v2) on 127.0.0.1, storing under `dir`. */
export async function startRegistry(dir: string): Promise<{ host: string; stop: () => Promise<void> }> {
  const port = await freePort();
  mkdirSync(join(dir, 'data'), { recursive: true });
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    ['version: 0.1', 'log: { level: warn }', `storage: { filesystem: { rootdirectory: ${join(dir, 'data')} } }`, `http: { addr: "127.0.0.1:${port}" }`, ''].join('\n'),
  );
  // Its request log (404s on blob HEADs are normal during a push) goes to a file beside the data.
  const log = openSync(join(dir, 'registry.log'), 'a');
  const registry: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', log, log] });
  const exited = new Promise<void>((resolve) => registry.once('exit', () => resolve()));
  await waitFor(`http://127.0.0.1:${port}/v2/`);
  return {
    host: `127.0.0.1:${port}`,
    stop: async () => {
      registry.kill('SIGTERM');
      await exited;
    },
  };
}
