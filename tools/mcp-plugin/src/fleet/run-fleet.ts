import { Fleet } from './fleet';
import { probeHost } from './readiness-probe';
import type { FleetServer } from './select-servers';
import { totalResident } from './resident-memory';
import { endedCleanly, isSettling } from './server-state';
import { createStatusView, fleetFooter, type FleetPhase } from './status-table';

export interface RunFleetSettings {
  root: string;
  bindHost: string;
  env: NodeJS.ProcessEnv;
}

/** How long after the last server settles the fleet's memory is read. */
const IDLE_SETTLE_MS = 1000;

/**
 * The servers' drain limit (mcp-base's MCP_SHUTDOWN_TIMEOUT_MS, 10 s by default) plus a
 * margin, so a server that is still finishing its calls in time is never SIGKILLed.
 */
function graceMs(env: NodeJS.ProcessEnv): number {
  return (Number(env['MCP_SHUTDOWN_TIMEOUT_MS']) || 10_000) + 2_000;
}

/**
 * Starts the servers and keeps them running until SIGINT/SIGTERM/SIGHUP (or until every
 * one has died by itself); resolves with the exit code: 0 when all ended cleanly.
 */
export function runFleet(servers: readonly FleetServer[], settings: RunFleetSettings): Promise<number> {
  const fleet = new Fleet({ root: settings.root, probeHost: probeHost(settings.bindHost), env: settings.env });
  const view = createStatusView(process.stdout);
  const grace = graceMs(settings.env);
  let phase: FleetPhase = 'running';
  /** The fleet's total RSS, measured once every server has settled (idle after start). */
  let memory: string | undefined;
  let measuring = false;
  const redraw = () => {
    view.render(fleet.rows, fleetFooter(fleet.rows, phase, Math.round(grace / 1000), phase === 'running' ? memory : undefined));
    if (!measuring && phase === 'running' && !fleet.rows.some((row) => isSettling(row.state))) {
      measuring = true;
      // A moment after the last readiness answer, so start-up garbage is not counted.
      setTimeout(() => {
        const alive = fleet.rows.filter((row) => row.state.kind !== 'exited');
        memory = totalResident(alive.map((row) => row.pid));
        if (memory && phase === 'running') redraw();
      }, IDLE_SETTLE_MS).unref();
    }
  };

  // Whatever happens to this process (a bug, an uncaught error), the servers go with it.
  process.on('exit', () => fleet.terminateSync());
  fleet.start(servers);
  for (const row of fleet.rows) {
    process.stdout.write(`started ${row.name} (pid ${row.pid ?? '?'}) on port ${row.port}, output in ${row.logFile}\n`);
  }
  fleet.on('change', redraw);
  redraw();

  return new Promise((resolve) => {
    const finish = () => {
      phase = 'stopped';
      redraw();
      resolve(fleet.rows.every((row) => endedCleanly(row.state)) ? 0 : 1);
    };
    const shutdown = () => {
      if (phase === 'stopping') return fleet.kill(); // impatient second Ctrl-C
      if (phase === 'stopped') return;
      phase = 'stopping';
      redraw();
      void fleet.stop(grace).then(finish);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
    // Every server died by itself: nothing left to run, so say so and exit non-zero.
    fleet.once('all-exited', finish);
  });
}
