import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fleet } from '../src/fleet/fleet';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A "server" that writes the data directory it was given and exits: enough to see what the fleet passes. */
function workspaceWithProbe(name: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-fleet-state-'));
  roots.push(root);
  mkdirSync(join(root, 'dist', 'apps', name), { recursive: true });
  writeFileSync(
    join(root, 'dist', 'apps', name, 'main.js'),
    `require('node:fs').writeFileSync(${JSON.stringify(join(root, 'seen.txt'))}, String(process.env.DEMO_DATA_DIR));` +
      `require('node:fs').writeFileSync(${JSON.stringify(join(root, 'flags.txt'))}, process.execArgv.join(' '));`,
  );
  return root;
}

async function dataDirSeen(env: NodeJS.ProcessEnv, memoryLimit = '128Mi'): Promise<{ root: string; seen: string; flags: string }> {
  const root = workspaceWithProbe('demo-mcp');
  const fleet = new Fleet({ root, probeHost: '127.0.0.1', env });
  const ended = new Promise<void>((resolve) => fleet.once('all-exited', resolve));
  fleet.start([{ name: 'demo-mcp', port: 9099, dataDirEnv: 'DEMO_DATA_DIR', memoryLimit }]);
  await ended;
  return { root, seen: readFileSync(join(root, 'seen.txt'), 'utf8'), flags: readFileSync(join(root, 'flags.txt'), 'utf8') };
}

describe('the fleet and the pod limit', () => {
  it("runs each server with the V8 heap sized for its manifest's memory limit, as its pod does", async () => {
    expect((await dataDirSeen({ PATH: process.env['PATH'] }, '320Mi')).flags).toBe('--max-semi-space-size=8 --max-old-space-size=240');
  });
});

describe('the fleet and embedded stores', () => {
  it('keeps a server with storage under the ignored tmp/fleet/<server>-data, not in the working directory', async () => {
    const { root, seen } = await dataDirSeen({ PATH: process.env['PATH'] });
    expect(seen).toBe(join(root, 'tmp', 'fleet', 'demo-mcp-data'));
  });

  it('leaves a directory the user chose alone', async () => {
    expect((await dataDirSeen({ PATH: process.env['PATH'], DEMO_DATA_DIR: '/srv/demo' })).seen).toBe('/srv/demo');
  });
});
