import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import type { SecretScrubber } from './secret-scrubber';

export type { Logger } from 'pino';

/** Keys whose values are never written to a log line, at any depth we log at. */
const REDACTED_PATHS = [
  'authorization',
  'token',
  'password',
  'secret',
  'apiKey',
  'accessToken',
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.accessToken',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  'env',
  '*.env',
];

export interface LoggerOptions {
  name: string;
  level?: LevelWithSilent;
  /** Secret values scrubbed from every serialized line, whatever field they hide in. */
  scrubber?: SecretScrubber;
  destination?: DestinationStream;
}

/** JSON logs to stdout, one line per event, secrets redacted by key and by value. */
export function createLogger(options: LoggerOptions): Logger {
  const target = options.destination ?? pino.destination(1);
  const scrubber = options.scrubber;
  // By value on the finished line: a secret inside any field, message or stack is caught.
  const destination: DestinationStream = scrubber?.active ? { write: (line) => target.write(scrubber.scrub(line)) } : target;
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
