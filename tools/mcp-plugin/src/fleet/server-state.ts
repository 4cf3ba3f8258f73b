/** Where one server of the fleet is in its life; the status table shows exactly this. */
export type ServerState =
  | { kind: 'starting' }
  | { kind: 'ready'; tools: number }
  | { kind: 'not_configured'; tools: number; missing: string[]; need?: string; reason?: string }
  /** Configured, but what it opens at start (a database) is not there yet; watched until it is. */
  | { kind: 'not_ready'; tools: number; reason?: string }
  | { kind: 'stopping' }
  | {
      kind: 'exited';
      code: number | null;
      signal: NodeJS.Signals | null;
      /** True when the fleet asked it to stop; false when it died by itself. */
      requested: boolean;
      /** True when it ignored SIGTERM for the whole grace period and was SIGKILLed. */
      killed: boolean;
    };

export interface ServerRow {
  name: string;
  port: number;
  pid: number | undefined;
  /** Relative to the workspace root, as shown to the user. */
  logFile: string;
  state: ServerState;
}

/** Still on its way up: the table keeps refreshing while any server is here. */
export const isSettling = (state: ServerState) => state.kind === 'starting';

/** A clean end: exit code 0, or the stop signal the fleet itself sent (a child may not have installed its handler yet). */
export function endedCleanly(state: ServerState): boolean {
  if (state.kind !== 'exited' || state.killed) return false;
  return state.code === 0 || (state.requested && (state.signal === 'SIGTERM' || state.signal === 'SIGINT'));
}
