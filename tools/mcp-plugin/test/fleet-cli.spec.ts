import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { isPortFree } from '../src/fleet/port-check';
import {
  copyRealBundle,
  fakeWorkspace,
  freeManifestPorts,
  httpGet,
  isAlive,
  killLeftovers,
  removeTempDirs,
  startCli,
  STUBBORN_SERVER,
} from './fleet-harness';

// Real processes on a possibly loaded 2-core machine: generous limits, polling, no fixed sleeps.
jest.setTimeout(120_000);

/** A table row once the server has answered /readyz: "<name>  <port>  <pid>  <tools>  ready|not configured…". */
const settledRow = (name: string) => new RegExp(`^${name}\\s+\\d+\\s+\\d+\\s+\\d+\\s+(ready|not configured)`, 'm');

describe('npm start (the fleet CLI)', () => {
  let alphaPort: number;
  let betaPort: number;
  let root: string;

  beforeAll(async () => {
    copyRealBundle();
    [alphaPort, betaPort] = await freeManifestPorts(2);
    root = fakeWorkspace({ 'alpha-mcp': alphaPort, 'beta-mcp': betaPort });
  }, 600_000);

  afterEach(killLeftovers);
  afterAll(removeTempDirs);

  it('starts every server on its port, and on SIGINT stops them all and exits', async () => {
    const cli = startCli(['--root', root, '--no-build']);
    await cli.waitForOutput(settledRow('alpha-mcp'));
    await cli.waitForOutput(settledRow('beta-mcp'));
    expect((await httpGet(alphaPort, '/healthz'))?.status).toBe(200);
    expect((await httpGet(betaPort, '/healthz'))?.status).toBe(200);
    const pids = cli.pids();
    expect([...pids.keys()]).toEqual(['alpha-mcp', 'beta-mcp']);
    // The row shows port, pid and the tool count the server reports on /readyz.
    const { tools } = JSON.parse((await httpGet(alphaPort, '/readyz'))?.body ?? '{}') as { tools: number };
    expect(cli.stdout()).toMatch(new RegExp(`^alpha-mcp\\s+${alphaPort}\\s+${pids.get('alpha-mcp')}\\s+${tools}\\s`, 'm'));
    expect(existsSync(join(root, 'tmp', 'fleet', 'alpha-mcp.log'))).toBe(true);
    // Once all have settled, the footer gives the fleet's total resident memory.
    const footer = await cli.waitForOutput(/ · (\d+) MiB RSS in all · /);
    expect(Number(footer[1])).toBeGreaterThan(20); // two real servers: tens of MiB each

    cli.process.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toContain('fleet stopped: 2 of 2 server(s) ended cleanly');
    // The CLI only exits after its servers have: no orphans, ports released.
    for (const pid of pids.values()) expect(isAlive(pid)).toBe(false);
    expect(await isPortFree(alphaPort, '127.0.0.1')).toBe(true);
    expect(await isPortFree(betaPort, '127.0.0.1')).toBe(true);
  });

  it('starts only the named server (short name)', async () => {
    const cli = startCli(['--root', root, '--no-build', 'beta']);
    await cli.waitForOutput(settledRow('beta-mcp'));
    expect([...cli.pids().keys()]).toEqual(['beta-mcp']);
    expect((await httpGet(betaPort, '/healthz'))?.status).toBe(200);
    expect(await isPortFree(alphaPort, '127.0.0.1')).toBe(true);

    cli.process.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(cli.pids().get('beta-mcp') ?? 0)).toBe(false);
  });

  it('reports a server that dies by itself and keeps the others running (full names)', async () => {
    const cli = startCli(['--root', root, '--no-build', 'alpha-mcp', 'beta-mcp']);
    await cli.waitForOutput(settledRow('alpha-mcp'));
    await cli.waitForOutput(settledRow('beta-mcp'));
    process.kill(cli.pids().get('alpha-mcp') ?? 0, 'SIGKILL');

    await cli.waitForOutput(/^alpha-mcp .*exited \(signal SIGKILL\), see tmp\/fleet\/alpha-mcp\.log/m);
    expect((await httpGet(betaPort, '/healthz'))?.status).toBe(200);

    cli.process.kill('SIGINT');
    expect((await cli.exited).code).toBe(1); // not every server ended cleanly
    expect(cli.stdout()).toContain('fleet stopped: 1 of 2 server(s) ended cleanly, 1 did not');
    expect(isAlive(cli.pids().get('beta-mcp') ?? 0)).toBe(false);
  });

  it('refuses a taken port, naming the port and its server, and starts nothing', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(betaPort, '127.0.0.1', resolve));
    try {
      const noLogsRoot = fakeWorkspace({ 'alpha-mcp': alphaPort, 'beta-mcp': betaPort });
      const cli = startCli(['--root', noLogsRoot, '--no-build']);
      expect((await cli.exited).code).toBe(1);
      expect(cli.stderr()).toContain(`port ${betaPort} (beta-mcp) is already in use`);
      expect(cli.stdout()).not.toContain('started');
      expect(existsSync(join(noLogsRoot, 'tmp', 'fleet'))).toBe(false);
      expect(await isPortFree(alphaPort, '127.0.0.1')).toBe(true);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('rejects an unknown server name with exit code 2, listing the known ones', async () => {
    const cli = startCli(['--root', root, 'gamma']);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr()).toContain('unknown server "gamma"; known servers: alpha (alpha-mcp), beta (beta-mcp)');
  });

  it('with --no-build, names the build command when a bundle is missing', async () => {
    const unbuilt = fakeWorkspace({ 'alpha-mcp': alphaPort }, { bundle: false });
    const cli = startCli(['--root', unbuilt, '--no-build']);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toContain('build it with npx nx run-many -t build --projects=alpha-mcp');
  });

  it('exits with code 1 when every server has died by itself', async () => {
    const crashing = fakeWorkspace({ 'alpha-mcp': alphaPort, 'beta-mcp': betaPort }, { bundle: 'process.exit(3);' });
    const cli = startCli(['--root', crashing, '--no-build']);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stdout()).toMatch(/^alpha-mcp .*exited \(code 3\), see tmp\/fleet\/alpha-mcp\.log/m);
    expect(cli.stdout()).toMatch(/^beta-mcp .*exited \(code 3\)/m);
    expect(cli.stdout()).toContain('fleet stopped: 0 of 2 server(s) ended cleanly, 2 did not');
  });

  describe('a server that ignores SIGTERM', () => {
    let stubbornRoot: string;
    beforeAll(() => {
      stubbornRoot = fakeWorkspace({ 'alpha-mcp': alphaPort }, { bundle: STUBBORN_SERVER });
    });

    it('is SIGKILLed when the grace period (drain limit + 2 s) runs out', async () => {
      const cli = startCli(['--root', stubbornRoot, '--no-build'], { MCP_SHUTDOWN_TIMEOUT_MS: '100' });
      await cli.waitForOutput(settledRow('alpha-mcp'));
      cli.process.kill('SIGINT');
      await cli.waitForOutput(/^alpha-mcp .*stopping/m);
      expect((await cli.exited).code).toBe(1);
      expect(cli.stdout()).toMatch(/^alpha-mcp .*killed: still running after SIGTERM/m);
      expect(isAlive(cli.pids().get('alpha-mcp') ?? 0)).toBe(false);
    });

    it('is SIGKILLed at once on a second Ctrl-C', async () => {
      const cli = startCli(['--root', stubbornRoot, '--no-build'], { MCP_SHUTDOWN_TIMEOUT_MS: '600000' });
      await cli.waitForOutput(settledRow('alpha-mcp'));
      cli.process.kill('SIGINT');
      await cli.waitForOutput(/^alpha-mcp .*stopping/m);
      cli.process.kill('SIGINT');
      expect((await cli.exited).code).toBe(1);
      expect(cli.stdout()).toMatch(/^alpha-mcp .*killed/m);
      expect(isAlive(cli.pids().get('alpha-mcp') ?? 0)).toBe(false);
    });
  });
});
