/** Helpers that turn values into source text for the templates. */

/** A single-quoted TypeScript string literal, the quote style the workspace uses. */
export function tsString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, '\\n');
  return `'${escaped}'`;
}

/** Like tsString, but a long text becomes one literal per sentence joined with `+`, as the reference tools write it. */
export function tsText(value: string, indent: string): string {
  const sentences = value.match(/[^.!?]+(?:[.!?]+(?:\s+|$)|$)/g) ?? [];
  // Text the split cannot reproduce exactly (e.g. "v1.2") stays one literal.
  if (tsString(value).length <= 100 || sentences.length < 2 || sentences.join('') !== value) return tsString(value);
  return sentences.map(tsString).join(` +\n${indent}`);
}

/** An object literal on one line, `{ id: 'id-1', query: { limit: '5' } }`, keys unquoted where possible. */
export function tsObject(value: Record<string, unknown>): string {
  const entries = Object.entries(value).map(([key, item]) => `${tsKey(key)}: ${tsValue(item)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

function tsKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key);
}

function tsValue(value: unknown): string {
  if (typeof value === 'string') return tsString(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return tsObject(value as Record<string, unknown>);
  return JSON.stringify(value);
}
