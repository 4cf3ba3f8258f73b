import { endedCleanly, type ServerRow } from './server-state';

/** The STATE column: what the user should know about one server, in a few words. */
export function describeState(row: ServerRow): string {
  const { state } = row;
  switch (state.kind) {
    case 'starting':
    case 'stopping':
    case 'ready':
      return state.kind;
    case 'not_configured':
      if (state.need) return `not configured: set ${state.need}`;
      return state.missing.length
        ? `not configured: set ${state.missing.join(', ')}`
        : `not configured: ${state.reason ?? `see ${row.logFile}`}`;
    case 'not_ready':
      return `not ready: ${state.reason ?? `see ${row.logFile}`}`;
    case 'exited': {
      if (endedCleanly(state) && state.requested) return 'stopped';
      if (state.killed) return 'killed: still running after SIGTERM, so SIGKILLed';
      const how = state.signal ? `signal ${state.signal}` : `code ${state.code}`;
      return `exited (${how}), see ${row.logFile}`;
    }
  }
}

const toolCount = (row: ServerRow) =>
  row.state.kind === 'ready' || row.state.kind === 'not_configured' || row.state.kind === 'not_ready' ? String(row.state.tools) : '-';

function columns(rows: readonly ServerRow[]) {
  const nameWidth = Math.max('SERVER'.length, ...rows.map((row) => row.name.length));
  const line = (cells: string[]) =>
    [cells[0].padEnd(nameWidth), cells[1].padStart(5), cells[2].padStart(8), cells[3].padStart(5), cells[4]].join('  ');
  return {
    header: line(['SERVER', 'PORT', 'PID', 'TOOLS', 'STATE']),
    row: (row: ServerRow) => line([row.name, String(row.port), String(row.pid ?? '-'), toolCount(row), describeState(row)]),
  };
}

/** The whole table as lines: header, one row per server. */
export function formatTable(rows: readonly ServerRow[]): string[] {
  const { header, row } = columns(rows);
  return [header, ...rows.map(row)];
}

export interface StatusView {
  /** Shows the current rows and a footer line; call on every change. */
  render(rows: readonly ServerRow[], footer: string): void;
}

/**
 * On a terminal the table is redrawn in place. Anywhere else (a pipe, a CI log, a test)
 * every change is one plain line: the header once, then a server's row each time it
 * changes, and the footer when it changes, so the log reads as a history.
 */
export function createStatusView(out: NodeJS.WriteStream): StatusView {
  return out.isTTY ? redrawingView(out) : appendingView(out);
}

function redrawingView(out: NodeJS.WriteStream): StatusView {
  let drawnLines = 0;
  return {
    render(rows, footer) {
      // Lines are cut to the terminal width: a wrapped line would break the cursor-up count.
      const width = Math.max((out.columns || 120) - 1, 20);
      const lines = [...formatTable(rows), '', footer].map((line) => line.slice(0, width));
      const rewind = drawnLines ? `\x1b[${drawnLines}A\x1b[0J` : '';
      out.write(`${rewind}${lines.join('\n')}\n`);
      drawnLines = lines.length;
    },
  };
}

function appendingView(out: NodeJS.WriteStream): StatusView {
  const printed = new Map<string, string>();
  let lastFooter = '';
  return {
    render(rows, footer) {
      const { header, row } = columns(rows);
      const lines = printed.size === 0 ? [header] : [];
      for (const server of rows) {
        const line = row(server);
        if (printed.get(server.name) !== line) lines.push(line);
        printed.set(server.name, line);
      }
      if (footer !== lastFooter) lines.push(footer);
      lastFooter = footer;
      if (lines.length) out.write(`${lines.join('\n')}\n`);
    },
  };
}

export type FleetPhase = 'running' | 'stopping' | 'stopped';

/**
 * The line under the table: counts, the fleet's memory once measured (`memory`, e.g. "1180 MiB RSS
 * in all"), and what the user can do next.
 */
export function fleetFooter(rows: readonly ServerRow[], phase: FleetPhase, graceSeconds: number, memory?: string): string {
  const count = (kind: ServerRow['state']['kind']) => rows.filter((row) => row.state.kind === kind).length;
  if (phase === 'stopping') {
    return `stopping: each server finishes its in-flight calls (up to ${graceSeconds}s; Ctrl-C again kills them now)`;
  }
  if (phase === 'stopped') {
    const clean = rows.filter((row) => endedCleanly(row.state)).length;
    const failed = rows.length - clean;
    return `fleet stopped: ${clean} of ${rows.length} server(s) ended cleanly${failed ? `, ${failed} did not (see above)` : ''}`;
  }
  const notReady = count('not_ready') ? `, ${count('not_ready')} not ready` : '';
  const counts = `${count('ready')} ready, ${count('not_configured')} not configured${notReady}, ${count('exited')} exited`;
  const starting = count('starting') ? `${count('starting')} starting, ` : '';
  return `${starting}${counts}${memory ? ` · ${memory}` : ''} · output in tmp/fleet/<server>.log · Ctrl-C stops all`;
}
