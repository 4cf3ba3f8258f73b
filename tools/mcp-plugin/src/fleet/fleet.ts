import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodeHeapFlags } from '../node-heap';
import { bundlePath } from './bundles';
import { watchReadiness, type ReadinessReport } from './readiness-probe';
import type { FleetServer } from './select-servers';
import type { ServerRow, ServerState } from './server-state';

interface Member {
  row: ServerRow;
  child: ChildProcess;
  exited: Promise<void>;
  /** Stops the /readyz polling once the answer no longer matters. */
  polling: AbortController;
  /** Set when it had to be SIGKILLed, so its exit is not reported as a clean stop. */
  killed: boolean;
}

export interface FleetSettings {
  root: string;
  /** The host the servers probe on (loopback for the default 127.0.0.1 bind). */
  probeHost: string;
  /** The user's environment; each server gets it plus its own MCP_PORT. */
  env: NodeJS.ProcessEnv;
}

/**
 * The running servers: one `node dist/apps/<app>/main.js` child each, output to
 * tmp/fleet/<app>.log. Emits 'change' whenever a row's state changes and 'all-exited'
 * when the last child is gone by itself (nothing left to run).
 */
export class Fleet extends EventEmitter<{ change: [ServerRow]; 'all-exited': [] }> {
  private readonly members: Member[] = [];
  private stopping = false;

  constructor(private readonly settings: FleetSettings) {
    super();
  }

  get rows(): ServerRow[] {
    return this.members.map((member) => member.row);
  }

  start(servers: readonly FleetServer[]): void {
    const logDir = join(this.settings.root, 'tmp', 'fleet');
    mkdirSync(logDir, { recursive: true });
    for (const server of servers) this.members.push(this.spawnServer(server, join(logDir, `${server.name}.log`)));
  }

  private spawnServer(server: FleetServer, logPath: string): Member {
    const log = openSync(logPath, 'w');
    // Not detached: the children stay in our process group, so a terminal's Ctrl-C or
    // hang-up reaches them too even if this process were killed outright.
    // The heap flags the pod runs with, so local memory matches production.
    const child = spawn(process.execPath, [...nodeHeapFlags(server.memoryLimit), bundlePath(this.settings.root, server.name)], {
      cwd: this.settings.root,
      env: { ...this.settings.env, ...this.localState(server), MCP_PORT: String(server.port) },
      stdio: ['ignore', log, log],
    });
    closeSync(log); // the child holds its own copy of the descriptor
    const row: ServerRow = {
      ...server,
      pid: child.pid,
      logFile: relative(this.settings.root, logPath),
      state: { kind: 'starting' },
    };
    const member: Member = {
      row,
      child,
      polling: new AbortController(),
      killed: false,
      exited: new Promise((resolve) => {
        let ended = false; // 'error' and 'exit' may both fire for one failed spawn
        const onEnd = (code: number | null, signal: NodeJS.Signals | null) => {
          if (ended) return;
          ended = true;
          member.polling.abort();
          this.setState(member, { kind: 'exited', code, signal, requested: this.stopping, killed: member.killed });
          resolve();
          if (!this.stopping && this.members.every((other) => other.row.state.kind === 'exited')) this.emit('all-exited');
        };
        child.once('exit', onEnd);
        // Spawning itself failed (e.g. no such node binary): report it like an exit.
        child.once('error', () => onEnd(child.exitCode, child.signalCode));
      }),
    };
    void watchReadiness(this.settings.probeHost, server.port, member.polling.signal, (report) => {
      if (row.state.kind === 'starting' || row.state.kind === 'not_ready') this.setState(member, stateOf(report));
    });
    return member;
  }

  /**
   * An embedded store lives under the workspace's ignored tmp/fleet/<server>-data/, never in the
   * working directory or the user's data directory, unless the user points it elsewhere.
   */
  private localState(server: FleetServer): NodeJS.ProcessEnv {
    const name = server.dataDirEnv;
    if (!name || this.settings.env[name]?.trim()) return {};
    return { [name]: join(this.settings.root, 'tmp', 'fleet', `${server.name}-data`) };
  }

  private setState(member: Member, state: ServerState): void {
    member.row.state = state;
    this.emit('change', member.row);
  }

  private alive(): Member[] {
    return this.members.filter((member) => member.row.state.kind !== 'exited');
  }

  /**
   * SIGTERM to every live server (they stop accepting, drain in-flight calls, exit 0),
   * then SIGKILL whatever is still there after `graceMs`. Resolves when all are gone.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    const alive = this.alive();
    for (const member of alive) {
      member.polling.abort();
      this.setState(member, { kind: 'stopping' });
      member.child.kill('SIGTERM');
    }
    const escalation = setTimeout(() => this.kill(), graceMs);
    await Promise.all(alive.map((member) => member.exited));
    clearTimeout(escalation);
  }

  /** SIGKILL every server still alive (a second Ctrl-C, or the grace period ran out). */
  kill(): void {
    for (const member of this.alive()) {
      member.killed = true;
      member.child.kill('SIGKILL');
    }
  }

  /** Last resort when this process exits unexpectedly: never leave a server behind. */
  terminateSync(): void {
    for (const member of this.alive()) member.child.kill('SIGTERM');
  }
}

function stateOf(report: ReadinessReport): ServerState {
  const { tools, reason } = report;
  if (report.ready) return { kind: 'ready', tools };
  if (report.status === 'not_ready') return { kind: 'not_ready', tools, reason };
  return { kind: 'not_configured', tools, missing: report.missing ?? [], need: report.need, reason };
}
