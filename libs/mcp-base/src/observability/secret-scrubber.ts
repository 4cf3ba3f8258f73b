/** Shorter values would match ordinary text (and are no real secret anyway). */
const MIN_SECRET_LENGTH = 6;
const REDACTED = '[redacted]';

/**
 * Replaces known secret values wherever they appear: in log lines (last line of defence after
 * redaction by key) and in tool results. Each value is matched as given, JSON-escaped (as it
 * appears inside a serialized log line), with `\n` escapes expanded (PEM keys), and for
 * connection strings the password alone (`postgres://user:password@host`).
 */
export class SecretScrubber {
  private readonly needles: string[];

  constructor(values: readonly (string | undefined)[]) {
    const variants = values.filter((value): value is string => Boolean(value?.trim())).flatMap(variantsOf);
    // Longest first, so a value is replaced whole before a secret inside it (a URL's password).
    this.needles = [...new Set(variants)].filter((value) => value.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }

  get active(): boolean {
    return this.needles.length > 0;
  }

  scrub(text: string): string {
    let out = text;
    for (const needle of this.needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  }

  /** Every string inside a JSON-like value, scrubbed; returns the same object when nothing matched. */
  scrubDeep<T>(value: T): T {
    if (!this.active) return value;
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) {
      const items = value.map((item) => this.scrubDeep(item));
      return items.some((item, index) => item !== value[index]) ? (items as T) : value;
    }
    if (isPlainObject(value)) {
      const entries = Object.entries(value);
      const scrubbed = entries.map(([key, item]) => [key, this.scrubDeep(item)] as const);
      // Untouched results keep their identity: no copy of every tool result on every call.
      return scrubbed.some(([, item], index) => item !== entries[index][1]) ? (Object.fromEntries(scrubbed) as T) : value;
    }
    return value;
  }
}

function variantsOf(raw: string): string[] {
  const value = raw.trim();
  const expanded = value.replace(/\\n/g, '\n');
  const out = [value, raw, expanded, jsonEscaped(value), jsonEscaped(expanded)];
  const password = urlPassword(value);
  if (password) out.push(password, decodeSafely(password), jsonEscaped(decodeSafely(password)));
  return out;
}

const jsonEscaped = (value: string) => JSON.stringify(value).slice(1, -1);

function urlPassword(value: string): string | undefined {
  // WHATWG URL parses postgres://, mysql://, redis://… like any special-less scheme: the password is kept.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).password || undefined;
  } catch {
    return /^[^:]+:\/\/[^:/@]*:([^@]+)@/.exec(value)?.[1];
  }
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
