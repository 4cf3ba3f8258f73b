import { z } from 'zod';

/** Small zod helpers for reading environment variables, which are always strings. */

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

/** true/false (1/0, yes/no, on/off); unset gives the default, empty is false. */
export const envBoolean = (defaultValue: boolean) => envOptionalBoolean().transform((value) => value ?? defaultValue);

/** Like envBoolean, but unset stays undefined, for defaults decided elsewhere (e.g. by the manifest). */
export const envOptionalBoolean = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const normalized = value.trim().toLowerCase();
      if (TRUE.has(normalized)) return true;
      if (FALSE.has(normalized)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true/false, got "${value}"` });
      return z.NEVER;
    });

/** Comma-separated list; empty or unset gives an empty array. */
export const envList = () =>
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

export const envInt = (defaultValue: number, min = 1) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return defaultValue;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min) {
        ctx.addIssue({ code: 'custom', message: `expected an integer >= ${min}, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

/** Optional secret: unset and empty both mean "absent". */
export const envSecret = () =>
  z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/** Parses env with a schema; the error names each bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
