import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

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
  /** Values (tokens read from config) scrubbed from every message string as a last line of defence. */
  secretValues?: readonly string[];
  destination?: DestinationStream;
}

/** JSON logs to stdout, one line per event, secrets redacted by key and by value. */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secretValues ?? []).filter((value) => value.length >= 6);
  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      ...(secrets.length && {
        hooks: {
          logMethod(args, method) {
            method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as typeof args);
          },
        },
      }),
      serializers: {
        err: (error: unknown) => {
          const serialized = pino.stdSerializers.err(error as Error);
          if (serialized?.message) serialized.message = scrub(serialized.message);
          if (serialized?.stack) serialized.stack = scrub(serialized.stack);
          return serialized;
        },
      },
    },
    options.destination,
  );
}
