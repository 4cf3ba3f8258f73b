import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { z } from 'zod';
import { ConfigError } from '../config/env-schema';
import type { Caller } from '../identity/caller';
import { createLogger } from '../observability/logger';
import type { SecretScrubber } from '../observability/secret-scrubber';

/** Where audit lines go: the server log's stream, nowhere, or a file of their own (appended). */
export type AuditDestination = 'stdout' | 'off' | { file: string };

/** MCP_AUDIT_LOG: `stdout` (default), `off`, or a file path. */
export const auditDestinationEnv = () =>
  z
    .string()
    .optional()
    .transform((value): AuditDestination => {
      const trimmed = value?.trim() ?? '';
      if (trimmed === '' || trimmed.toLowerCase() === 'stdout') return 'stdout';
      if (trimmed.toLowerCase() === 'off') return 'off';
      return { file: trimmed };
    });

export interface AuditSettings {
  destination: AuditDestination;
  level: LevelWithSilent;
}

export interface AuditEntry {
  requestId: string;
  tool: string;
  caller: Caller;
  /** The call's arguments, whatever the client sent; only their names are logged. */
  rawArgs: unknown;
  declaredArgs: readonly string[];
  /** ok, the tool error kind, internal_error, or rejected (refused by the per-client rate limit). */
  outcome: string;
  durationMs: number;
}

/** One structured line per tool call, on a logger of its own named `audit`. */
export interface AuditLog {
  /**
   * Writes the call's audit line. True when it went to the server log stream: it then carries
   * everything the call's own log line would (tool, requestId, outcome, durationMs), so the
   * runner writes no second line for the call.
   */
  record(entry: AuditEntry): boolean;
}

export interface AuditLogOptions {
  settings: AuditSettings;
  server: string;
  scrubber: SecretScrubber;
  /** The server log's stream (tests pass their own), used when the destination is stdout. */
  serverLogDestination?: DestinationStream;
}

export function createAuditLog(options: AuditLogOptions): AuditLog | undefined {
  const { destination, level } = options.settings;
  if (destination === 'off' || level === 'silent') return undefined;
  const stream = destination === 'stdout' ? options.serverLogDestination : openFile(destination.file);
  const logger = createLogger({ name: 'audit', level, scrubber: options.scrubber, destination: stream }).child({
    server: options.server,
  });
  const onServerLog = destination === 'stdout';
  return { record: (entry) => write(logger, entry) && onServerLog };
}

/** Synchronous appends: an audit line is on disk before the call's answer leaves. */
function openFile(file: string): DestinationStream {
  try {
    return pino.destination({ dest: file, mkdir: true, append: true, sync: true });
  } catch (error) {
    throw new ConfigError(
      `MCP_AUDIT_LOG=${file} cannot be opened for appending (${(error as Error).message}). ` +
        'Point it at a writable file, or set stdout or off.',
    );
  }
}

/** False when the audit level leaves this call out. */
function write(logger: Logger, entry: AuditEntry): boolean {
  // warn for anything that did not succeed, so MCP_AUDIT_LEVEL=warn keeps only failures and refusals.
  const level = entry.outcome === 'ok' ? 'info' : 'warn';
  if (!logger.isLevelEnabled(level)) return false;
  const { present, unknown } = argumentNames(entry.rawArgs, entry.declaredArgs);
  const line = {
    requestId: entry.requestId,
    client: entry.caller.client,
    ...(entry.caller.clientName ? { clientName: entry.caller.clientName } : {}),
    tool: entry.tool,
    // Names only, never values. Names the tool does not declare are counted, not written: they are client text.
    args: present,
    ...(unknown ? { unknownArgs: unknown } : {}),
    outcome: entry.outcome,
    durationMs: entry.durationMs,
  };
  logger[level](line, 'tool call');
  return true;
}

function argumentNames(rawArgs: unknown, declared: readonly string[]): { present: string[]; unknown: number } {
  if (!rawArgs || typeof rawArgs !== 'object' || Array.isArray(rawArgs)) return { present: [], unknown: 0 };
  const sent = Object.keys(rawArgs);
  const present = declared.filter((name) => Object.hasOwn(rawArgs, name));
  return { present, unknown: sent.length - present.length };
}
